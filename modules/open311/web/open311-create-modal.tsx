import { ApiError } from '@linli/web-kit/client';
import type { ButtonProps } from 'antd';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Open311ClientWithKey, open311ClientsApi } from './api.ts';

/** The create form; server field errors (duplicate name, bad jurisdiction_id) land on their field. */
export function CreateModal({
  open,
  countyCode,
  onClose,
  onCreated,
}: {
  open: boolean;
  countyCode: string;
  onClose: () => void;
  onCreated: (created: Open311ClientWithKey) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; jurisdictionId?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: { name: string; jurisdictionId?: string }) => {
    setSaving(true);
    try {
      const jurisdictionId = values.jurisdictionId?.trim();
      const created = await open311ClientsApi.create({ name: values.name.trim(), ...(jurisdictionId ? { jurisdictionId } : {}) });
      onCreated(created);
    } catch (e) {
      if (e instanceof ApiError) {
        const details: Record<string, unknown>[] =
          e.detailList.length > 0 ? e.detailList : e.details && typeof e.details === 'object' ? [e.details as Record<string, unknown>] : [];
        const fields = details
          .map((d) => ({ name: String(d.field ?? '').replace(/^\//, ''), errors: [String(d.reason ?? e.message)] }))
          .filter((f) => f.name === 'name' || f.name === 'jurisdictionId')
          .map((f) => ({ name: f.name as 'name' | 'jurisdictionId', errors: f.errors }));
        if (fields.length > 0) form.setFields(fields);
        else message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('open311Clients.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('open311Clients.save')}
      cancelText={t('open311Clients.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'open311-create-ok' } as ButtonProps}
      destroyOnHidden
      // Emptied once closed (the form instance outlives its fields), so nothing typed into a new
      // form can be reset under the user's hands as it opens.
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('open311Clients.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('open311Clients.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="open311-name" />
        </Form.Item>
        <Form.Item
          name="jurisdictionId"
          label={t('open311Clients.jurisdictionId')}
          extra={t('open311Clients.jurisdictionHint', { code: countyCode })}
          rules={[{ pattern: /^[A-Za-z0-9_.-]{1,100}$/, message: t('open311Clients.jurisdictionInvalid') }]}
        >
          <Input placeholder={countyCode} maxLength={100} data-testid="open311-jurisdiction" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
