import { api, itemsOf } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { organisationKindLabel } from '@linli/web-kit/labels';
import type { DualRegistration, Organisation, Page } from '@linli/web-kit/types';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const dualFields = ['communityId', 'organisationId', 'residentId', 'registeredOn', 'services'];

export function CreateDualRegistrationModal({
  open,
  communityId,
  onClose,
  onCreated,
}: {
  open: boolean;
  communityId?: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { run, error, saving, clearError } = useApiForm(form, dualFields);
  const [who, setWho] = useState<'organisation' | 'member'>('organisation');
  const [orgOptions, setOrgOptions] = useState<{ value: string; label: string }[]>([]);
  const [orgQuery, setOrgQuery] = useState('');
  const loadOrgs = (q: string) => {
    setOrgQuery(q);
    api
      .get<Page<Organisation>>('/organisations', { q: q.trim() || undefined, limit: 30 })
      .then((p) => setOrgOptions(itemsOf(p).map((o) => ({ value: o.id, label: `${o.name} · ${organisationKindLabel(o.kind)}` }))))
      .catch(() => setOrgOptions([]));
  };

  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    const v = (await form.validateFields().catch(() => undefined)) as {
      communityId: string;
      organisationId?: string;
      residentId?: string;
      registeredOn?: Dayjs;
      services?: string;
    };
    if (!v) return;
    const created = await run(() =>
      api.post<DualRegistration>('/dual-registrations', {
        communityId: v.communityId,
        ...(who === 'organisation' ? { organisationId: v.organisationId } : { residentId: v.residentId }),
        registeredOn: v.registeredOn?.format('YYYY-MM-DD'),
        services: v.services || undefined,
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated();
      close();
    }
  };
  return (
    <Modal
      open={open}
      title={t('organisations.dualCreate')}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => visible && loadOrgs('')}
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="dual-registration-form" initialValues={{ communityId }}>
        <Form.Item name="communityId" label={t('organisations.community')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect selectableKinds={['community']} deepestKind="community" testId="dual-community" />
        </Form.Item>
        <Form.Item label={t('organisations.dualWho')}>
          <Radio.Group
            value={who}
            onChange={(e) => setWho(e.target.value)}
            options={[
              { value: 'organisation', label: t('organisations.dualOrganisation') },
              { value: 'member', label: t('organisations.dualMember') },
            ]}
          />
        </Form.Item>
        {who === 'organisation' ? (
          <Form.Item
            name="organisationId"
            label={t('organisations.organisation')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: loadOrgs, searchValue: orgQuery }}
              options={orgOptions}
              data-testid="dual-organisation"
            />
          </Form.Item>
        ) : (
          <Form.Item name="residentId" label={t('organisations.partyMember')} rules={[{ required: true, message: t('common.required') }]}>
            <ResidentSelect testId="dual-resident" />
          </Form.Item>
        )}
        <Form.Item name="registeredOn" label={t('organisations.registeredOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="services" label={t('organisations.services')}>
          <Input.TextArea maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
