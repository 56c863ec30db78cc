import type { ScopeKind } from '@linli/deliberation/contract';
import { redirects } from '@linli/deliberation/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { topicLabel } from './topic-labels.ts';

/** Adds a kind to the county's lists or changes one (the server keeps the history). */
export function ScopeKindModal({
  kind,
  open,
  onClose,
  onSaved,
}: {
  kind: ScopeKind | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving, clearError } = useApiForm(form, ['code', 'list', 'name', 'description', 'redirect', 'active', 'position']);
  useEffect(() => {
    if (open)
      form.setFieldsValue(
        kind ? { ...kind, list: kind.countyList, redirect: kind.redirect ?? undefined } : { list: 'allowed', active: true },
      );
  }, [open, kind, form]);
  const list = Form.useWatch('list', form) as string | undefined;
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = { ...v, description: v.description || undefined, redirect: v.list === 'excluded' ? v.redirect : undefined };
    const saved = await run(() => api.post('/deliberation/scope-kinds', body));
    if (saved) {
      message.success(t('common.saved'));
      onSaved();
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={kind ? t('topics.scopeEdit') : t('topics.scopeAdd')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="scope-kind-form">
        <Form.Item
          name="code"
          label={t('topics.scopeCode')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('common.required') }]}
        >
          <Input disabled={kind !== null} maxLength={40} />
        </Form.Item>
        <Form.Item name="list" label={t('topics.scopeList')}>
          <Radio.Group options={['allowed', 'excluded'].map((l) => ({ value: l, label: topicLabel('lists', l) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('topics.scopeName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="description" label={t('topics.scopeDescription')}>
          <Input maxLength={200} />
        </Form.Item>
        {list === 'excluded' && (
          <Form.Item name="redirect" label={t('topics.redirect')} rules={[{ required: true, message: t('common.required') }]}>
            <Select options={redirects.map((r) => ({ value: r, label: topicLabel('redirects', r) }))} />
          </Form.Item>
        )}
        <Form.Item name="position" label="#">
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Form.Item name="active" label={t('topics.scopeActive')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
