import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RenovationDetail } from '@linli/urban-cases/contract';
import { fundingSources, scopeItems } from '@linli/urban-cases/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { put } from './api.ts';

interface PhaseValues {
  name: string;
  planned?: [Dayjs | null, Dayjs | null] | null;
  actual?: [Dayjs | null, Dayjs | null] | null;
}
interface Values {
  name: string;
  compoundIds: (string | undefined)[];
  scopeItems: string[];
  scopeNote?: string;
  budget: number;
  funding: { source: string; amount: number }[];
  phases: PhaseValues[];
  topicId?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const range = (a: string | null, b: string | null): [Dayjs | null, Dayjs | null] | null =>
  a || b ? [a ? dayjs(a) : null, b ? dayjs(b) : null] : null;

/** The project form: compounds, scope items, budget with its funding sources (their sum is shown), phases, consultation topic. */
export function RenovationFormModal({
  open,
  project,
  onClose,
  onSaved,
}: {
  open: boolean;
  project: RenovationDetail | null;
  onClose: () => void;
  onSaved: (p: RenovationDetail) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, [
    'name',
    'compoundIds',
    'scopeItems',
    'scopeNote',
    'budget',
    'funding',
    'phases',
    'topicId',
  ]);
  const funding = Form.useWatch('funding', form) ?? [];
  const budget = Form.useWatch('budget', form) ?? 0;
  const sum = funding.reduce((s, f) => s + (f?.amount ?? 0), 0);
  // In cents, as the server compares them: sources given that do not add up to the budget are refused.
  const mismatch = funding.length > 0 && Math.round(sum * 100) !== Math.round(Number(budget) * 100);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      project
        ? {
            name: project.name,
            compoundIds: project.compounds.map((c) => c.id),
            scopeItems: project.scopeItems,
            scopeNote: project.scopeNote ?? undefined,
            budget: project.budget,
            funding: project.funding,
            phases: project.phases.map((p) => ({
              name: p.name,
              planned: range(p.plannedStart, p.plannedEnd),
              actual: range(p.actualStart, p.actualEnd),
            })),
            topicId: project.topicId ?? undefined,
          }
        : { compoundIds: [undefined], scopeItems: [], funding: [], phases: [] },
    );
  }, [open, project, form]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      name: v.name,
      compoundIds: v.compoundIds.filter((c): c is string => !!c),
      scopeItems: v.scopeItems,
      scopeNote: v.scopeNote || undefined,
      budget: v.budget,
      funding: v.funding ?? [],
      phases: (v.phases ?? []).map((p) => ({
        name: p.name,
        plannedStart: day(p.planned?.[0]),
        plannedEnd: day(p.planned?.[1]),
        actualStart: day(p.actual?.[0]),
        actualEnd: day(p.actual?.[1]),
      })),
      topicId: v.topicId?.trim() || undefined,
    };
    const saved = await run(() =>
      project
        ? put<RenovationDetail>(`/urban-cases/renovations/${project.id}`, { ...body, version: project.version })
        : api.post<RenovationDetail>('/urban-cases/renovations', body),
    );
    if (saved) {
      message.success(t('common.saved'));
      onSaved(saved);
      close();
    }
  };
  return (
    <Modal
      open={open}
      width={760}
      title={t(project ? 'renovations.edit' : 'renovations.create')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form
        form={form}
        layout="vertical"
        data-testid="renovation-form"
        // A refusal of the funding list stays on it until the sources or the budget change.
        onValuesChange={(changed: Partial<Values>) => {
          if ('funding' in changed || 'budget' in changed) form.setFields([{ name: 'funding', errors: [] }]);
        }}
      >
        <Form.Item name="name" label={t('renovations.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={200} data-testid="renovation-name" />
        </Form.Item>
        <Form.Item label={t('renovations.compounds')} required>
          <Form.List name="compoundIds">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={f.name} noStyle rules={[{ required: true, message: t('common.required') }]}>
                      <TerritorySelect
                        selectableKinds={['compound']}
                        deepestKind="compound"
                        style={{ width: 320 }}
                        testId="renovation-compound"
                      />
                    </Form.Item>
                    {fields.length > 1 && <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  {t('renovations.addCompound')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="scopeItems" label={t('renovations.scopeItems')} rules={[{ required: true, message: t('common.required') }]}>
          <Checkbox.Group options={scopeItems.map((s) => ({ value: s, label: t(`renovations.scope.${s}`) }))} />
        </Form.Item>
        <Form.Item name="scopeNote" label={t('renovations.scopeNote')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
        <Form.Item name="budget" label={t('renovations.budget')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber min={0} precision={2} style={{ width: 220 }} data-testid="renovation-budget" />
        </Form.Item>
        <Form.Item
          label={t('renovations.funding')}
          help={`${t('renovations.fundingSum', { sum: sum.toFixed(2), budget: Number(budget).toFixed(2) })}${mismatch ? t('renovations.fundingMismatch') : ''}`}
          validateStatus={mismatch ? 'error' : undefined}
          data-testid="renovation-funding"
        >
          <Form.List name="funding">
            {(fields, { add, remove }, { errors }) => (
              <Space direction="vertical">
                {fields.map((f) => (
                  <Space key={f.key}>
                    <Form.Item name={[f.name, 'source']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                      <Select
                        style={{ width: 140 }}
                        options={fundingSources.map((s) => ({ value: s, label: t(`renovations.sources.${s}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} noStyle rules={[{ required: true, message: t('common.required') }]}>
                      <InputNumber min={0} precision={2} style={{ width: 180 }} placeholder={t('renovations.amount')} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  {t('renovations.addFunding')}
                </Button>
                {/* The server's refusals of the list (a source given twice) land on it: no input of its own shows them. */}
                {!mismatch && <Form.ErrorList errors={errors} />}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('renovations.phases')}>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <Space direction="vertical">
                {fields.map((f) => (
                  <Space key={f.key} wrap>
                    <Form.Item
                      name={[f.name, 'name']}
                      noStyle
                      rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                    >
                      <Input style={{ width: 120 }} maxLength={100} placeholder={t('renovations.phase')} />
                    </Form.Item>
                    <Typography.Text type="secondary">{t('renovations.planned')}</Typography.Text>
                    <Form.Item name={[f.name, 'planned']} noStyle>
                      <DatePicker.RangePicker allowEmpty={[true, true]} />
                    </Form.Item>
                    <Typography.Text type="secondary">{t('renovations.actual')}</Typography.Text>
                    <Form.Item name={[f.name, 'actual']} noStyle>
                      <DatePicker.RangePicker allowEmpty={[true, true]} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  {t('renovations.addPhase')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="topicId" label={t('renovations.topicId')} extra={t('renovations.topicHint')}>
          <Input maxLength={36} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
