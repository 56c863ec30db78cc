import { gridMemberRoles } from '@linli/grids/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { useCan } from '@linli/web-kit/current-user';
import { gridMemberRoleLabel } from '@linli/web-kit/labels';
import type { Account, GridDetail, Page } from '@linli/web-kit/types';
import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const memberFields = ['role', 'name', 'accountId', 'residentId'];

/** Staff accounts by username or name (needs account.read; without it a member is picked among residents). */
function AccountSelect({ value, onChange }: { value?: string; onChange?: (id: string | undefined, account?: Account) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Account[]>([]);
  const search = (q: string) =>
    api
      .get<Page<Account>>('/accounts', { q: q.trim() || undefined, status: 'active', limit: 30 })
      .then((p) => setItems(p.items))
      .catch(() => setItems([]));
  // biome-ignore lint/correctness/useExhaustiveDependencies: first page once
  useEffect(() => {
    void search('');
  }, []);
  return (
    <Select
      allowClear
      value={value}
      placeholder={t('grids.memberAccount')}
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onChange={(id: string | undefined) =>
        onChange?.(
          id,
          items.find((a) => a.id === id),
        )
      }
      options={items.map((a) => ({ value: a.id, label: `${a.displayName}（${a.username}）` }))}
      data-testid="grid-member-account"
    />
  );
}

export function AddMemberModal({ grid, onClose, onAdded }: { grid: GridDetail | null; onClose: () => void; onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [form] = Form.useForm<{ role: string; name: string; residentId?: string; accountId?: string }>();
  const { run, error, saving, clearError } = useApiForm(form, memberFields);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!grid) return;
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const added = await run(() =>
      api.post(`/grids/${grid.id}/members`, {
        role: v.role,
        name: v.name.trim(),
        residentId: v.residentId || undefined,
        accountId: v.accountId || undefined,
      }),
    );
    if (added) {
      message.success(t('common.saved'));
      onAdded();
      close();
    }
  };
  return (
    <Modal
      open={grid !== null}
      title={`${t('grids.addMember')} · ${grid?.name ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="grid-member-form" initialValues={{ role: 'grid_worker' }}>
        <Form.Item name="role" label={t('grids.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select options={gridMemberRoles.map((r) => ({ value: r, label: gridMemberRoleLabel(r) }))} data-testid="grid-member-role" />
        </Form.Item>
        {can('account.read') && (
          <Form.Item name="accountId" label={t('grids.memberAccount')} extra={t('grids.memberAccountHint')}>
            <AccountSelect onChange={(id, a) => form.setFieldsValue({ accountId: id, ...(a ? { name: a.displayName } : {}) })} />
          </Form.Item>
        )}
        <Form.Item name="residentId" label={t('grids.memberResident')} extra={t('grids.memberResidentHint')}>
          <ResidentSelect
            nodeId={grid?.communityId}
            testId="grid-member-resident"
            onChange={(id, r) => form.setFieldsValue({ residentId: id, ...(r ? { name: r.name } : {}) })}
          />
        </Form.Item>
        <Form.Item name="name" label={t('people.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={50} data-testid="grid-member-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
