import type { ManagementStatus, ScenarioDetail, ScenarioParameters } from '@linli/service-clusters/contract';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { App, Button, Col, Form, InputNumber, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

const NUMBERS: { key: Exclude<keyof ScenarioParameters, 'statuses' | 'clusterCount'>; min: number; max: number; step?: number }[] = [
  { key: 'staffPer10kM2', min: 0, max: 100, step: 0.1 },
  { key: 'monthlyWage', min: 0, max: 100_000, step: 100 },
  { key: 'otherCostPerM2Month', min: 0, max: 100, step: 0.05 },
  { key: 'sharedCostPerClusterMonth', min: 0, max: 10_000_000, step: 1000 },
  { key: 'maxDistanceKm', min: 0.05, max: 50, step: 0.1 },
  { key: 'minHouseholds', min: 0, max: 1_000_000, step: 50 },
  { key: 'maxHouseholds', min: 1, max: 1_000_000, step: 100 },
  { key: 'maxCompoundsPerCluster', min: 1, max: 50 },
  { key: 'timeLimitSeconds', min: 1, max: 120 },
];
const STATUSES: ManagementStatus[] = ['well', 'poor', 'unmanaged', 'self'];

/** The scenario's cost parameters and bounds; saving makes a solved scenario a draft again. */
export function ParametersForm({ scenario, editable, onSaved }: { scenario: ScenarioDetail; editable: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScenarioParameters>();
  const fields = NUMBERS.map((n) => n.key as string).concat('statuses');
  const { run, error, saving } = useApiForm(form, fields);
  useEffect(() => form.setFieldsValue(scenario.parameters), [form, scenario.parameters]);
  const save = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const done = await run(() => api.patch<ScenarioDetail>(`/service-clusters/scenarios/${scenario.id}`, { parameters: v }));
    if (done) {
      message.success(t('common.saved'));
      onSaved();
    }
  };
  return (
    <Form form={form} layout="vertical" disabled={!editable} data-testid="cluster-parameters">
      <FormError error={error} />
      <Row gutter={16}>
        {NUMBERS.map((n) => (
          <Col key={n.key} xs={24} sm={12} lg={8}>
            <Form.Item name={n.key} label={t(`serviceClusters.${n.key}`)} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={n.min} max={n.max} step={n.step ?? 1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="statuses" label={t('serviceClusters.statusFilter')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('serviceClusters.allStatuses')}
              options={STATUSES.map((s) => ({ value: s, label: t(`serviceClusters.managementStatuses.${s}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {editable && (
        <Button onClick={save} loading={saving} data-testid="cluster-parameters-save">
          {t('serviceClusters.saveParameters')}
        </Button>
      )}
    </Form>
  );
}
