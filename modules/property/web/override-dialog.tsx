import type { CompoundProfile, ManagementStatus } from '@linli/property/contract';
import { managementStatuses } from '@linli/property/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** Sets the status of a compound by hand with a reason (required), or clears the manual status (status empty). */
export function OverrideDialog({
  profile,
  onClose,
  onSaved,
}: {
  profile: CompoundProfile | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status?: ManagementStatus; reason: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['status', 'reason']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !profile) return;
    const saved = await run(() =>
      api.post(`/property/compounds/${profile.compoundId}/override`, { status: v.status ?? null, reason: v.reason.trim() }),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved();
      close();
    }
  };
  return (
    <Modal
      open={profile !== null}
      title={`${t('property.override')} · ${profile?.compoundName ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="property-override-form"
        initialValues={{ status: profile?.overrideStatus ?? undefined }}
      >
        <Form.Item name="status" label={t('property.overrideStatus')} extra={t('property.clearOverride')}>
          <Select allowClear options={managementStatuses.map((s) => ({ value: s, label: t(`property.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('property.reason')}
          rules={[{ required: true, whitespace: true, message: t('property.reasonRequired') }]}
        >
          <Input.TextArea maxLength={500} showCount rows={3} data-testid="property-override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
