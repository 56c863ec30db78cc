import type { TopicDetail } from '@linli/deliberation/contract';
import { topicSources } from '@linli/deliberation/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { topicLabel } from './topic-labels.ts';

interface Values {
  title: string;
  description: string;
  nodeId: string;
  source: string;
  sourceNote?: string;
  demandId?: string;
  parties?: number;
}

/** Staff take a topic in, with its source (a bench meeting, a home visit, a WeChat group, a demand …). */
export function CreateTopicModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, [
    'title',
    'description',
    'nodeId',
    'source',
    'sourceNote',
    'demandId',
    'parties',
  ]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      ...v,
      sourceNote: v.sourceNote || undefined,
      demandId: v.demandId?.trim() || undefined,
      parties: v.parties ?? undefined,
    };
    const created = await run(() => api.post<TopicDetail>('/deliberation/topics', body));
    if (created) {
      message.success(t('common.saved'));
      onCreated(created.id);
      close();
    }
  };
  return (
    <Modal open={open} title={t('topics.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" initialValues={{ source: 'staff' }} data-testid="topic-form">
        <Form.Item name="nodeId" label={t('topics.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['subdistrict', 'community', 'compound']} deepestKind="compound" testId="topic-place" />
        </Form.Item>
        <Form.Item name="title" label={t('topics.topic')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} showCount data-testid="topic-title" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('topics.description')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea maxLength={5000} rows={4} data-testid="topic-description" />
        </Form.Item>
        <Form.Item name="source" label={t('topics.source')}>
          <Select options={topicSources.filter((s) => s !== 'resident').map((s) => ({ value: s, label: topicLabel('sourcesNames', s) }))} />
        </Form.Item>
        <Form.Item name="sourceNote" label={t('topics.sourceNote')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="demandId" label={t('topics.demandId')}>
          <Input maxLength={36} />
        </Form.Item>
        <Form.Item name="parties" label={t('topics.parties')}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
