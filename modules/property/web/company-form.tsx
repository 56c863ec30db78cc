import type { CompanyKind, PropertyCompany } from '@linli/property/contract';
import { companyKinds } from '@linli/property/vocabulary';
import { api, request } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

interface Values {
  communityId: string;
  name: string;
  kind: CompanyKind;
  creditCode?: string;
  servicePhone?: string;
  partyOrgId?: string;
  instructorName?: string;
}

/** Registers a company, or edits `editing`: its community, name, kind, credit code, service phone, party organisation and instructor. */
export function CompanyForm({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing?: PropertyCompany | null;
  onClose: () => void;
  onSaved: (company: PropertyCompany) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { run, error, saving, clearError } = useApiForm(form, [
    'communityId',
    'name',
    'kind',
    'creditCode',
    'servicePhone',
    'partyOrgId',
    'instructorName',
  ]);
  useEffect(() => {
    if (open && editing) {
      form.setFieldsValue({
        communityId: editing.communityId,
        name: editing.name,
        kind: editing.kind,
        creditCode: editing.creditCode ?? undefined,
        servicePhone: editing.servicePhone ?? undefined,
        partyOrgId: editing.partyOrgId ?? undefined,
        instructorName: editing.instructorName ?? undefined,
      });
    }
  }, [open, editing, form]);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const body = {
      ...v,
      creditCode: v.creditCode?.trim() || null,
      servicePhone: v.servicePhone?.trim() || null,
      partyOrgId: v.partyOrgId?.trim() || null,
      instructorName: v.instructorName?.trim() || null,
    };
    const saved = await run(() =>
      editing
        ? request<PropertyCompany>('PUT', `/property/companies/${editing.id}`, { body })
        : api.post<PropertyCompany>('/property/companies', body),
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
      title={t(editing ? 'property.editCompany' : 'property.createCompany')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="property-company-form">
        <Form.Item name="communityId" label={t('property.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['community']} deepestKind="community" testId="property-company-community" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('property.companyName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="property-company-name" />
        </Form.Item>
        <Form.Item name="kind" label={t('property.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={companyKinds.map((k) => ({ value: k, label: t(`property.kinds.${k}`) }))} data-testid="property-company-kind" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('property.creditCode')}
          rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}$/, message: '18' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="servicePhone" label={t('property.servicePhone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="partyOrgId" label={t('property.partyOrgId')}>
          <Input maxLength={36} />
        </Form.Item>
        <Form.Item name="instructorName" label={t('property.instructor')}>
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
