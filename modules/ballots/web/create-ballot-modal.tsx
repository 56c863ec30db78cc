import type { Ballot } from '@linli/ballots/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ballotLabel } from './labels.ts';

interface Values {
  placeId: string;
  subjectKind: string;
  /** The topic of the pool, when the subject is one (kind 'topic'). */
  subjectId?: string;
  subjectTitle: string;
  title: string;
  method: 'online' | 'tally';
  voterUnit: 'household' | 'person';
  rule: 'simple_majority' | 'art278_ordinary' | 'art278_major';
  options: string;
  maxChoices: number;
  maxProxies: number;
  allowChange: boolean;
  anonymous: boolean;
}

/** A topic of the pool (the deliberation module's list) a ballot can be about. */
interface PoolTopic {
  id: string;
  number: string;
  title: string;
}

/**
 * Picks a topic of the pool by number or title (searched on the server as one types; none for a
 * caller who may not read the pool) and hands its title to the subject's title.
 */
function TopicSubjectSelect({
  value,
  onChange,
  onTitle,
}: {
  value?: string;
  onChange?: (id?: string) => void;
  onTitle: (title: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const topics = useData(
    (signal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, q ? 300 : 0);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      }).then(() =>
        api
          .get<{ items: PoolTopic[] }>('/deliberation/topics', { limit: 50, sort: '-submittedAt', q: q.trim() || undefined }, { signal })
          .then((p) => p.items)
          .catch(() => [] as PoolTopic[]),
      ),
    [q],
  );
  return (
    <Select
      style={{ width: '65%' }}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      loading={topics.loading}
      placeholder={t('ballots.pickTopic')}
      options={(topics.data ?? []).map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
      onChange={(id: string) => {
        onChange?.(id);
        const topic = topics.data?.find((x) => x.id === id);
        if (topic) onTitle(topic.title);
      }}
      data-testid="ballot-subject-topic"
    />
  );
}

/** The create dialog: place, subject (a topic of the pool, or a kind and a title), method, rule and options (one per line). */
export function CreateBallotModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['placeId', 'title', 'options', 'rule', 'maxChoices', 'maxProxies']);
  const rule = Form.useWatch('rule', form);
  const subjectKind = Form.useWatch('subjectKind', form);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const art278 = v.rule !== 'simple_majority';
    const created = await run(() =>
      api.post<Ballot>('/ballots', {
        placeId: v.placeId,
        subject: {
          kind: v.subjectKind,
          id: (v.subjectKind === 'topic' && v.subjectId) || undefined,
          // The picked topic's title is kept while its field is not shown.
          title: v.subjectTitle ?? form.getFieldValue('subjectTitle'),
        },
        title: v.title,
        method: v.method,
        voterUnit: art278 ? 'household' : v.voterUnit,
        weighting: art278 ? 'area' : 'none',
        rule: v.rule,
        options: v.options
          .split('\n')
          .map((o) => o.trim())
          .filter(Boolean),
        maxChoices: v.maxChoices,
        maxProxies: v.maxProxies,
        allowChange: v.allowChange,
        anonymous: v.anonymous,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created.id);
      close();
    }
  };
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <Modal open={open} title={t('ballots.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={640}>
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="ballot-form"
        initialValues={{
          subjectKind: 'owners_decision',
          method: 'online',
          voterUnit: 'household',
          rule: 'art278_ordinary',
          options: '同意\n不同意\n弃权',
          maxChoices: 1,
          maxProxies: 1,
          allowChange: true,
          anonymous: true,
        }}
      >
        <Form.Item name="placeId" label={t('ballots.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect testId="ballot-place" />
        </Form.Item>
        <Form.Item name="title" label={t('ballots.itemTitle')} rules={required}>
          <Input maxLength={200} data-testid="ballot-title" />
        </Form.Item>
        <Form.Item label={t('ballots.subject')} required>
          <Input.Group compact>
            <Form.Item name="subjectKind" noStyle>
              <Select
                style={{ width: '35%' }}
                options={['owners_decision', 'topic', 'meeting_item', 'micro_fund', 'other'].map((k) => ({
                  value: k,
                  label: ballotLabel('subjectKinds', k),
                }))}
              />
            </Form.Item>
            {subjectKind === 'topic' ? (
              <Form.Item name="subjectId" noStyle rules={[{ required: true, message: t('common.required') }]}>
                <TopicSubjectSelect onTitle={(title) => form.setFieldValue('subjectTitle', title)} />
              </Form.Item>
            ) : (
              <Form.Item name="subjectTitle" noStyle rules={required}>
                <Input style={{ width: '65%' }} maxLength={200} />
              </Form.Item>
            )}
          </Input.Group>
        </Form.Item>
        <Form.Item name="method" label={t('ballots.method')}>
          <Radio.Group options={['online', 'tally'].map((m) => ({ value: m, label: ballotLabel('methods', m) }))} />
        </Form.Item>
        <Form.Item name="rule" label={t('ballots.rule')}>
          <Select
            options={['art278_ordinary', 'art278_major', 'simple_majority'].map((r) => ({ value: r, label: ballotLabel('rules', r) }))}
          />
        </Form.Item>
        {rule === 'simple_majority' && (
          <Form.Item name="voterUnit" label={t('ballots.voterUnit')}>
            <Radio.Group options={['household', 'person'].map((u) => ({ value: u, label: ballotLabel('units', u) }))} />
          </Form.Item>
        )}
        <Form.Item name="options" label={t('ballots.options')} extra={t('ballots.optionsHelp')} rules={required}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="maxChoices" label={t('ballots.maxChoices')}>
          <InputNumber min={1} max={50} />
        </Form.Item>
        <Form.Item name="maxProxies" label={t('ballots.maxProxies')}>
          <InputNumber min={0} max={50} />
        </Form.Item>
        <Form.Item name="allowChange" label={t('ballots.allowChange')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="anonymous" label={t('ballots.anonymous')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
