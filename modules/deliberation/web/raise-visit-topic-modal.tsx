import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicDetail } from '../src/contract.ts';
import type { PlanHousehold, Visit } from '../src/visit-contract.ts';

/** Takes what a visited household raised into the topic pool (source 入户走访, the household's compound). */
export function RaiseVisitTopicModal({
  household,
  onClose,
  onSaved,
}: {
  household: PlanHousehold | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; description: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['title', 'description']);
  useEffect(() => {
    if (household) form.setFieldsValue({ title: (household.raised ?? '').slice(0, 30), description: household.raised ?? '' });
  }, [household, form]);
  const close = () => {
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !household?.visitId) return;
    const saved = await run(() =>
      api.post<{ visit: Visit; topic: TopicDetail }>(`/deliberation/visits/${household.visitId}/topic`, {
        title: v.title.trim(),
        description: v.description?.trim() || undefined,
      }),
    );
    if (saved) {
      message.success(t('deliberationVisits.topicRaised', { number: saved.topic.number }));
      onSaved();
      close();
    }
  };
  return (
    <Modal
      open={household !== null}
      title={t('deliberationVisits.raiseTitle')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="visit-topic-form">
        <Form.Item name="title" label={t('deliberationVisits.topicTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t('deliberationVisits.topicDescription')}>
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
