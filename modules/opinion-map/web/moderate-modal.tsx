import type { Statement } from '@linli/opinion-map/contract';
import { rejectReasons } from '@linli/opinion-map/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Rejects a statement with its reason (and a note the author sees, e.g. the 负面清单 entry it falls under). */
export function RejectModal({
  statement,
  onClose,
  onDone,
}: {
  statement: Statement | null;
  onClose: () => void;
  onDone: (s: Statement) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['reason', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !statement) return;
    const done = await run(() =>
      api.post<Statement>(`/opinion-map/statements/${statement.id}/moderation`, {
        decision: 'reject',
        reason: v.reason,
        note: v.note || undefined,
      }),
    );
    if (done) {
      message.success(t('common.saved'));
      onDone(done);
      close();
    }
  };
  return (
    <Modal open={statement !== null} title={t('opinionMap.reject')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <Typography.Paragraph>{statement?.body}</Typography.Paragraph>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="opinion-reject-form">
        <Form.Item name="reason" label={t('opinionMap.rejectReason')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={rejectReasons.map((r) => ({ value: r, label: t(`opinionMap.reasons.${r}`) }))}
            data-testid="opinion-reject-reason"
          />
        </Form.Item>
        <Form.Item name="note" label={t('opinionMap.moderationNote')} extra={t('opinionMap.moderationNoteHint')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
