import { compoundOrganisationKinds } from '@linli/organisations/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import type { Organisation, OrganisationKind } from '@linli/web-kit/types';
import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kindOptions, nodeKindsFor } from './organisation-options.ts';

const orgFields = ['kind', 'name', 'nodeId', 'creditCode', 'stateOwned', 'contactName', 'phone', 'servedCompoundIds'];

export function CreateOrganisationModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving, clearError } = useApiForm(form, orgFields);
  const kind = Form.useWatch<OrganisationKind | undefined>('kind', form);
  const served = Form.useWatch<string[] | undefined>('servedCompoundIds', form) ?? [];
  const [pick, setPick] = useState<string | undefined>();
  const [servedNames, setServedNames] = useState<Record<string, string>>({});

  const close = () => {
    form.resetFields();
    clearError();
    setServedNames({});
    onClose();
  };
  const onOk = async () => {
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && !(Array.isArray(x) && !x.length)));
    const created = await run(() => api.post<Organisation>('/organisations', body));
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal open={open} title={t('organisations.create')} onOk={onOk} onCancel={close} confirmLoading={saving} destroyOnHidden width={600}>
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="organisation-form" initialValues={{ stateOwned: false }}>
        <Form.Item name="kind" label={t('organisations.kind')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            options={kindOptions()}
            data-testid="organisation-kind"
            onChange={() => form.setFieldsValue({ nodeId: undefined, servedCompoundIds: undefined })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="organisation-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={t('organisations.node')}
          extra={kind && compoundOrganisationKinds.includes(kind) ? t('organisations.compoundOnly') : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TerritorySelect selectableKinds={nodeKindsFor(kind)} deepestKind="compound" testId="organisation-node" />
        </Form.Item>
        {kind === 'property_company' && (
          <>
            <Form.Item name="stateOwned" label={t('organisations.stateOwned')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="servedCompoundIds" label={t('organisations.servedCompounds')}>
              <Select
                mode="multiple"
                open={false}
                suffixIcon={null}
                placeholder={t('organisations.servedHint')}
                options={served.map((id) => ({ value: id, label: servedNames[id] ?? id }))}
              />
            </Form.Item>
            <Form.Item label={t('organisations.addServed')}>
              <TerritorySelect
                value={pick}
                selectableKinds={['compound']}
                deepestKind="compound"
                testId="organisation-served-pick"
                onChange={(id, node) => {
                  setPick(undefined);
                  if (!id || served.includes(id)) return;
                  setServedNames((prev) => ({ ...prev, [id]: node?.name ?? id }));
                  form.setFieldsValue({ servedCompoundIds: [...served, id] });
                }}
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="creditCode" label={t('organisations.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="contactName" label={t('organisations.contactName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label={t('organisations.phone')}>
          <Input maxLength={30} data-testid="organisation-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
