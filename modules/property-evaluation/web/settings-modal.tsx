import type { Checklist, Weights } from '@linli/property-evaluation/contract';
import { api, request } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The county's inspection checklist and the weights of the combined score (county staff; others are refused by the server). */
export function SettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ checklist: string; residents: number; demands: number; inspections: number }>();
  const current = useData(
    async (signal) =>
      open
        ? {
            checklist: await api.get<Checklist>('/property-evaluation/checklist', undefined, { signal }),
            weights: await api.get<Weights>('/property-evaluation/weights', undefined, { signal }),
          }
        : null,
    [open],
  );
  useEffect(() => {
    if (!current.data) return;
    const { checklist, weights } = current.data;
    form.setFieldsValue({
      checklist: checklist.items.map((i) => i.label).join('\n'),
      residents: weights.residents,
      demands: weights.demands,
      inspections: weights.inspections,
    });
  }, [current.data, form]);
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !current.data) return;
    setSaving(true);
    try {
      const labels = v.checklist
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const before = current.data.checklist.items.map((i) => i.label).join('\n');
      if (labels.join('\n') !== before) await request('PUT', '/property-evaluation/checklist', { body: { labels } });
      const w = current.data.weights;
      if (v.residents !== w.residents || v.demands !== w.demands || v.inspections !== w.inspections)
        await api.post('/property-evaluation/weights', { residents: v.residents, demands: v.demands, inspections: v.inspections });
      message.success(t('common.saved'));
      onClose();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const weight = (name: 'residents' | 'demands' | 'inspections', label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('common.required') }]}>
      <InputNumber min={0} max={1} step={0.05} style={{ width: 120 }} />
    </Form.Item>
  );
  return (
    <Modal
      open={open}
      title={t('propertyEvaluation.inspections.settings')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="settings-form">
        <Form.Item
          name="checklist"
          label={t('propertyEvaluation.inspections.checklist')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Typography.Text strong>{t('propertyEvaluation.inspections.weightsTitle')}</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          {weight('residents', t('propertyEvaluation.inspections.weightResidents'))}
          {weight('demands', t('propertyEvaluation.inspections.weightDemands'))}
          {weight('inspections', t('propertyEvaluation.inspections.weightInspections'))}
        </Space>
        <Typography.Paragraph type="secondary">{t('propertyEvaluation.inspections.weightsHint')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}
