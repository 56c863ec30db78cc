import type { Criteria } from '@linli/property/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { useCan } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/** The county's current criteria of 管得好 in one line; county staff set a new version (every status is recomputed). */
export function CriteriaBar({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const { data, reload } = useData((signal) => api.get<Criteria>('/property/criteria', undefined, { signal }), []);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ wellMinCollectionRate: number; wellMinSatisfaction: number; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['wellMinCollectionRate', 'wellMinSatisfaction', 'note']);
  if (!data) return null;
  const close = () => {
    clearError();
    setOpen(false);
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const saved = await run(() =>
      api.post('/property/criteria', {
        wellMinCollectionRate: v.wellMinCollectionRate / 100,
        wellMinSatisfaction: v.wellMinSatisfaction / 100,
        note: v.note?.trim() || undefined,
      }),
    );
    if (saved) {
      message.success(t('common.saved'));
      await reload();
      onChanged();
      close();
    }
  };
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="property-criteria"
        title={t('property.criteriaLine', {
          version: data.version || t('property.criteriaDefault'),
          rate: pct(data.wellMinCollectionRate),
          satisfaction: pct(data.wellMinSatisfaction),
        })}
        action={
          can('property.write') && (
            <Button size="small" onClick={() => setOpen(true)}>
              {t('property.setCriteria')}
            </Button>
          )
        }
      />
      <Modal open={open} title={t('property.setCriteria')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
        <FormError error={error} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ wellMinCollectionRate: data.wellMinCollectionRate * 100, wellMinSatisfaction: data.wellMinSatisfaction * 100 }}
        >
          <Form.Item
            name="wellMinCollectionRate"
            label={t('property.wellMinCollectionRate')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0} max={100} precision={1} addonAfter="%" />
          </Form.Item>
          <Form.Item
            name="wellMinSatisfaction"
            label={t('property.wellMinSatisfaction')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <InputNumber min={0} max={100} precision={1} addonAfter="%" />
          </Form.Item>
          <Form.Item name="note" label={t('property.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
