import { ApiError, api } from '@linli/web-kit/client';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (values: { currentPassword: string; newPassword: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post('/auth/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      onDone();
    } catch (e) {
      const fields = e instanceof ApiError ? e.detailList.map((d) => String(d.reason ?? '')).filter(Boolean) : [];
      setError([e instanceof Error ? e.message : String(e), ...fields].join('; '));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="change-password-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="confirm-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={saving} data-testid="change-password-submit">
        {t('auth.changePassword')}
      </Button>
    </Form>
  );
}
