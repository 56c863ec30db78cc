import type { UrbanCaseDetail } from '@linli/urban-cases/contract';
import { type CaseKind, caseKinds, caseUnits } from '@linli/urban-cases/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useData } from '@linli/web-kit/use-data';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { activeDepartments } from './api.ts';

/** Record a case: kind, compound or building in scope, description and (optionally) the quantity in the kind's unit. */
export function CreateCaseModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: CaseKind; nodeId: string; description: string; quantity?: number }>();
  const kind = Form.useWatch('kind', form);
  const { run, error, saving, clearError } = useApiForm(form, ['kind', 'nodeId', 'description', 'quantity']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const created = await run(() => api.post<UrbanCaseDetail>('/urban-cases/cases', { ...v, quantity: v.quantity ?? undefined }));
    if (created) {
      message.success(t('common.saved'));
      onCreated(created.id);
      close();
    }
  };
  return (
    <Modal open={open} title={t('urbanCases.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="urban-case-form" initialValues={{ kind: 'illegal_structure' }}>
        <Form.Item name="kind" label={t('urbanCases.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={caseKinds.map((k) => ({ value: k, label: t(`urbanCases.kinds.${k}`) }))} data-testid="urban-case-kind" />
        </Form.Item>
        <Form.Item name="nodeId" label={t('urbanCases.place')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['compound', 'building']} deepestKind="building" testId="urban-case-place" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('urbanCases.description')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea maxLength={2000} showCount rows={3} data-testid="urban-case-description" />
        </Form.Item>
        <Form.Item name="quantity" label={t('urbanCases.quantity')}>
          <InputNumber
            min={0}
            precision={kind && caseUnits[kind].decimals ? 2 : 0}
            addonAfter={kind ? t(`urbanCases.units.${caseUnits[kind].unit}`) : undefined}
            style={{ width: 220 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Assign a reported case to an active county department. */
export function AssignCaseModal({ item, onClose, onDone }: { item: UrbanCaseDetail | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ departmentId: string; note?: string }>();
  const departments = useData(() => (item ? activeDepartments() : Promise.resolve([])), [item?.id]);
  const { run, error, saving, clearError } = useApiForm(form, ['departmentId', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !item) return;
    const done = await run(() =>
      api.post(`/urban-cases/cases/${item.id}/assign`, { ...v, version: item.version, note: v.note || undefined }),
    );
    if (done) {
      onDone();
      close();
    }
  };
  return (
    <Modal open={item !== null} title={t('urbanCases.assign')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="urban-case-assign-form">
        <Form.Item name="departmentId" label={t('urbanCases.department')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            loading={departments.loading}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            showSearch
            optionFilterProp="label"
            data-testid="urban-case-department"
          />
        </Form.Item>
        <Form.Item name="note" label={t('urbanCases.note')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Close an assigned case with its final quantity (the server checks for a photo after the work). */
export function CloseCaseModal({ item, onClose, onDone }: { item: UrbanCaseDetail | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ quantity: number; note?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['quantity', 'note']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v || !item) return;
    const done = await run(() =>
      api.post(`/urban-cases/cases/${item.id}/close`, { ...v, version: item.version, note: v.note || undefined }),
    );
    if (done) {
      onDone();
      close();
    }
  };
  const unit = item ? caseUnits[item.kind] : undefined;
  return (
    <Modal open={item !== null} title={t('urbanCases.close')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="urban-case-close-form" initialValues={{ quantity: item?.quantity ?? undefined }}>
        <Form.Item name="quantity" label={t('urbanCases.finalQuantity')} rules={[{ required: true, message: t('common.required') }]}>
          <InputNumber
            min={0}
            precision={unit?.decimals ? 2 : 0}
            addonAfter={unit ? t(`urbanCases.units.${unit.unit}`) : undefined}
            style={{ width: 220 }}
            data-testid="urban-case-final-quantity"
          />
        </Form.Item>
        <Form.Item name="note" label={t('urbanCases.note')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
