import { ApiError } from '@linli/web-kit/client';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Hotspot, smartApi, type Theme } from './api.ts';

/** The message of a failed write; the 409 of a duplicate or a stale version gets the page's own wording. */
function errorText(e: unknown, conflict: string): string {
  if (e instanceof ApiError && e.status === 409) return conflict;
  if (e instanceof ApiError && e.detailList.length > 0)
    return e.detailList.map((d) => [d.field, d.reason ?? d.message].filter(Boolean).join(': ')).join('; ');
  return e instanceof Error ? e.message : String(e);
}

/** Makes a monthly theme (每月一题) of a hot spot, with the suggested title and the hot spot's reason as its note. */
export function CreateThemeModal({
  hotspot,
  month,
  onClose,
  onCreated,
}: {
  hotspot: Hotspot | null;
  month: string;
  onClose: () => void;
  /** Called after a theme was made, and after a duplicate (the list is stale then too). */
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ title: string; note?: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (hotspot) setError(null);
  }, [hotspot]);

  const submit = async () => {
    if (!hotspot) return;
    // Invalid fields show their messages in the form.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      const theme = await smartApi.createTheme({
        month,
        nodeId: hotspot.nodeId,
        categoryId: hotspot.categoryId,
        title: values.title.trim(),
        note: values.note?.trim() || undefined,
      });
      message.success(t('demandSmart.create.created', { title: theme.title }));
      onCreated();
      onClose();
    } catch (e) {
      setError(errorText(e, t('demandSmart.create.duplicate')));
      if (e instanceof ApiError && e.status === 409) onCreated();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={hotspot !== null}
      title={t('demandSmart.create.title')}
      okText={t('demandSmart.create.submit')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'theme-submit' }}
      destroyOnHidden
    >
      <div data-testid="theme-form">
        {hotspot && (
          <p style={{ color: '#888' }}>
            {month} · {hotspot.nodeName} · {hotspot.categoryName}
          </p>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="theme-error" />}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={hotspot ? { title: hotspot.theme.slice(0, 100), note: hotspot.reason.slice(0, 2000) } : undefined}
        >
          <Form.Item
            name="title"
            label={t('demandSmart.create.themeTitle')}
            rules={[{ required: true, whitespace: true, message: t('demandSmart.create.themeTitle') }]}
          >
            <Input maxLength={100} showCount data-testid="theme-title" />
          </Form.Item>
          <Form.Item name="note" label={t('demandSmart.create.note')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} data-testid="theme-note" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** Closes a theme with its outcome; the version seen is sent so a concurrent change gives a clear 409. */
export function CloseThemeModal({ theme, onClose, onClosed }: { theme: Theme | null; onClose: () => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ outcome: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (theme) setError(null);
  }, [theme]);

  const submit = async () => {
    if (!theme) return;
    // Invalid fields show their messages in the form.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await smartApi.closeTheme(theme.id, values.outcome.trim(), theme.version);
      message.success(t('demandSmart.closeForm.closed'));
      onClosed();
      onClose();
    } catch (e) {
      setError(errorText(e, t('demandSmart.closeForm.conflict')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={theme !== null}
      title={theme ? t('demandSmart.closeForm.title', { title: theme.title }) : ''}
      okText={t('demandSmart.closeForm.submit')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'close-submit' }}
      destroyOnHidden
    >
      <div data-testid="close-form">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="close-error" />}
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="outcome"
            label={t('demandSmart.closeForm.outcome')}
            rules={[{ required: true, whitespace: true, message: t('demandSmart.closeForm.outcomeRequired') }]}
          >
            <Input.TextArea
              maxLength={5000}
              showCount
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('demandSmart.closeForm.outcomeHint')}
              data-testid="close-outcome"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
