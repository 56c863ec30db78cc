import type { Conversation } from '@linli/opinion-map/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface Values {
  nodeId: string;
  title: string;
  description?: string;
  topicId?: string;
  statements?: string;
}

/** Opens a conversation: a place in scope (subdistrict, community or compound), the topic, seed statements one a line. */
export function CreateConversationModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (c: Conversation) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, ['nodeId', 'title', 'description', 'topicId', 'statements']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const statements = (v.statements ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const created = await run(() =>
      api.post<Conversation>('/opinion-map/conversations', {
        nodeId: v.nodeId,
        title: v.title,
        description: v.description || undefined,
        topicId: v.topicId?.trim() || undefined,
        statements,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created);
      close();
    }
  };
  return (
    <Modal open={open} title={t('opinionMap.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={640}>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="opinion-conversation-form">
        <Form.Item name="nodeId" label={t('opinionMap.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect
            selectableKinds={['subdistrict', 'community', 'compound']}
            deepestKind="compound"
            testId="opinion-conversation-place"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('opinionMap.conversationTitle')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} showCount data-testid="opinion-conversation-title" />
        </Form.Item>
        <Form.Item name="description" label={t('opinionMap.description')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item name="statements" label={t('opinionMap.seedStatements')} extra={t('opinionMap.seedHint')}>
          <Input.TextArea rows={6} data-testid="opinion-conversation-statements" />
        </Form.Item>
        <Form.Item name="topicId" label={t('opinionMap.topicId')}>
          <Input maxLength={36} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
