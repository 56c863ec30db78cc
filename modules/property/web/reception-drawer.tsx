import type { ReceptionDayDetail, ReceptionQuestion, ReceptionStatus } from '@linli/property/contract';
import { api, request } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { App, Button, Descriptions, Drawer, Form, Input, List, Modal, Popconfirm, Space, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { looseT } from './loose-t.ts';

export const receptionColors: Record<ReceptionStatus, string> = { scheduled: 'blue', held: 'green', cancelled: 'default' };

interface CategoryNode {
  id: string;
  name: string;
  children?: CategoryNode[];
}
interface TreeNode {
  value: string;
  title: string;
  children?: TreeNode[];
}
const toTree = (nodes: CategoryNode[]): TreeNode[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: n.children ? toTree(n.children) : undefined }));

/** One reception day: its facts, the questions raised (by household, never a name) with answers and demands; record, convert, close. */
export function ReceptionDrawer({
  receptionId,
  onClose,
  onChanged,
}: {
  receptionId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const r = (key: string) => looseT(t)(`property.reception.${key}`);
  const { data, reload } = useData(
    (signal) =>
      receptionId
        ? api.get<ReceptionDayDetail>(`/property/reception-days/${receptionId}`, undefined, { signal })
        : Promise.resolve(undefined),
    [receptionId],
  );
  const [asking, setAsking] = useState(false);
  const [converting, setConverting] = useState<ReceptionQuestion | null>(null);
  const [ending, setEnding] = useState(false);
  const [summary, setSummary] = useState('');
  const changed = async () => {
    await reload();
    onChanged();
  };
  const end = async (status: 'held' | 'cancelled') => {
    try {
      await api.post(`/property/reception-days/${receptionId}/end`, { status, summary: summary.trim() || null });
      setEnding(false);
      await changed();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const writable = can('property.write') && data && data.status !== 'cancelled';
  return (
    <Drawer open={receptionId !== null} onClose={onClose} size="large" title={r('title')} data-testid="reception-drawer">
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={r('heldOn')}>{`${data.heldOn} ${data.hours}`}</Descriptions.Item>
            <Descriptions.Item label={t('property.compound')}>{`${data.communityName} · ${data.compoundName}`}</Descriptions.Item>
            <Descriptions.Item label={t('property.company')}>{data.companyName}</Descriptions.Item>
            <Descriptions.Item label={r('host')}>{data.hostName}</Descriptions.Item>
            <Descriptions.Item label={r('place')}>{data.place}</Descriptions.Item>
            <Descriptions.Item label={r('status')}>
              <Tag color={receptionColors[data.status]}>{r(`statuses.${data.status}`)}</Tag>
              {data.summary && <Typography.Text type="secondary">{data.summary}</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
          <Space style={{ marginTop: 12 }}>
            {writable && (
              <Button type="primary" onClick={() => setAsking(true)} data-testid="reception-add-question">
                {r('addQuestion')}
              </Button>
            )}
            {can('property.write') && data.status === 'scheduled' && (
              <Button onClick={() => setEnding(true)} data-testid="reception-end">
                {r('end')}
              </Button>
            )}
          </Space>
          <List
            style={{ marginTop: 16 }}
            header={`${r('questions')}（${data.questionList.length}）`}
            dataSource={data.questionList}
            data-testid="reception-questions"
            renderItem={(q) => (
              <List.Item
                actions={[
                  q.demandNumber && q.demandId ? (
                    <Link key="d" to={`/demands/${q.demandId}`}>
                      {r('demand')} {q.demandNumber}
                    </Link>
                  ) : writable ? (
                    <Button key="c" size="small" onClick={() => setConverting(q)} data-testid="reception-to-demand">
                      {r('toDemand')}
                    </Button>
                  ) : null,
                ]}
              >
                <List.Item.Meta
                  title={q.question}
                  description={[q.householdName, q.answer && `${r('answer')}：${q.answer}`].filter(Boolean).join(' · ')}
                />
              </List.Item>
            )}
          />
          <QuestionModal open={asking} receptionId={data.id} onClose={() => setAsking(false)} onSaved={changed} />
          <ToDemandModal question={converting} receptionId={data.id} onClose={() => setConverting(null)} onSaved={changed} />
          <Modal
            open={ending}
            title={r('end')}
            onCancel={() => setEnding(false)}
            footer={[
              <Popconfirm key="cancel" title={r('cancelConfirm')} onConfirm={() => end('cancelled')}>
                <Button danger>{r('cancelDay')}</Button>
              </Popconfirm>,
              <Button key="held" type="primary" onClick={() => end('held')} data-testid="reception-held">
                {r('markHeld')}
              </Button>,
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              placeholder={r('summaryHint')}
            />
          </Modal>
        </>
      )}
    </Drawer>
  );
}

function QuestionModal({
  open,
  receptionId,
  onClose,
  onSaved,
}: {
  open: boolean;
  receptionId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ question: string; answer?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['question', 'answer']);
  const r = (key: string) => looseT(t)(`property.reception.${key}`);
  const close = () => {
    clearError();
    form.resetFields();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() =>
      request('POST', `/property/reception-days/${receptionId}/questions`, {
        body: { question: v.question, answer: v.answer?.trim() || null },
      }),
    );
    if (saved) {
      onSaved();
      close();
    }
  };
  return (
    <Modal open={open} title={r('addQuestion')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="reception-question-form">
        <Form.Item name="question" label={r('question')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="answer" label={r('answer')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ToDemandModal({
  question,
  receptionId,
  onClose,
  onSaved,
}: {
  question: ReceptionQuestion | null;
  receptionId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ categoryId: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['categoryId', 'type']);
  const categories = useData(
    (signal) => (question ? api.get<{ items: CategoryNode[] }>('/demand-categories', {}, { signal }) : Promise.resolve({ items: [] })),
    [question?.id],
  );
  const r = (key: string) => looseT(t)(`property.reception.${key}`);
  const close = () => {
    clearError();
    form.resetFields();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !question) return;
    const saved = await run(() =>
      request('POST', `/property/reception-days/${receptionId}/questions/${question.id}/demand`, { body: { categoryId: v.categoryId } }),
    );
    if (saved) {
      onSaved();
      close();
    }
  };
  return (
    <Modal open={question !== null} title={r('toDemand')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Typography.Paragraph>{question?.question}</Typography.Paragraph>
      <Form form={form} layout="vertical" data-testid="reception-demand-form">
        <Form.Item name="categoryId" label={r('category')} rules={[{ required: true, message: t('common.required') }]}>
          <TreeSelect treeData={toTree(categories.data?.items ?? [])} showSearch treeNodeFilterProp="title" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
