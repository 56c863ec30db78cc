import { PlusOutlined } from '@ant-design/icons';
import { ApiError, api, itemsOf, type Query } from '@linli/web-kit/client';
import { CursorTable, useCursorList } from '@linli/web-kit/components/cursor-list';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan, useCurrentUser } from '@linli/web-kit/current-user';
import { accountStatusLabel, roleLabel } from '@linli/web-kit/labels';
import type { Account, Grant, RoleInfo } from '@linli/web-kit/types';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

function useRoles(): RoleInfo[] {
  const [roles, setRoles] = useState<RoleInfo[]>([]);
  useEffect(() => {
    api
      .get<RoleInfo[] | { items: RoleInfo[] }>('/roles')
      .then((r) => setRoles(itemsOf(r)))
      .catch(() => setRoles([]));
  }, []);
  return roles;
}

function useRoleName() {
  const { i18n } = useTranslation();
  return (role: RoleInfo) => (i18n.language === 'en-US' ? role.en : role.zh) || roleLabel(role.role);
}

const statusColor: Record<string, string> = { active: 'green', disabled: 'default', locked: 'orange' };

function applyFieldErrors(form: ReturnType<typeof Form.useForm>[0], e: unknown): boolean {
  if (e instanceof ApiError && e.detailList.some((d) => typeof d.field === 'string')) {
    form.setFields(
      e.detailList.filter((d) => typeof d.field === 'string').map((d) => ({ name: String(d.field), errors: [String(d.reason)] })),
    );
    return true;
  }
  return false;
}

function CreateAccountModal({
  open,
  roles,
  onClose,
  onCreated,
}: {
  open: boolean;
  roles: RoleInfo[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const roleName = useRoleName();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const onOk = async () => {
    const v = (await form.validateFields().catch(() => undefined)) as {
      username: string;
      displayName: string;
      password: string;
      role?: string;
      nodeId?: string;
    };
    if (!v) return;
    setSaving(true);
    try {
      await api.post('/accounts', {
        username: v.username,
        displayName: v.displayName,
        password: v.password,
        grants: v.role && v.nodeId ? [{ role: v.role, nodeId: v.nodeId }] : [],
      });
      message.success(t('common.saved'));
      form.resetFields();
      onCreated();
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={t('accounts.create')} onOk={onOk} onCancel={onClose} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="create-account-form">
        <Form.Item name="username" label={t('accounts.username')} rules={[{ required: true, message: t('common.required') }]}>
          <Input autoComplete="off" data-testid="account-username" />
        </Form.Item>
        <Form.Item name="displayName" label={t('accounts.displayName')} rules={[{ required: true, message: t('common.required') }]}>
          <Input data-testid="account-display-name" />
        </Form.Item>
        <Form.Item name="password" label={t('accounts.initialPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="new-password" data-testid="account-password" />
        </Form.Item>
        <Form.Item name="role" label={t('accounts.role')}>
          <Select allowClear options={roles.map((r) => ({ value: r.role, label: roleName(r) }))} data-testid="account-role" />
        </Form.Item>
        <Form.Item name="nodeId" label={t('accounts.node')}>
          <TerritorySelect testId="account-node" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function GrantModal({
  account,
  roles,
  onClose,
  onGranted,
}: {
  account: Account | null;
  roles: RoleInfo[];
  onClose: () => void;
  onGranted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const roleName = useRoleName();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const onOk = async () => {
    if (!account) return;
    const v = (await form.validateFields().catch(() => undefined)) as { role: string; nodeId: string };
    if (!v) return;
    setSaving(true);
    try {
      await api.post(`/accounts/${account.id}/grants`, v);
      message.success(t('common.saved'));
      form.resetFields();
      onGranted();
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e)) message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={account !== null}
      title={`${t('accounts.grant')} · ${account?.displayName ?? ''}`}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="grant-form">
        <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            data-testid="grant-role"
            options={roles.map((r) => ({ value: r.role, label: roleName(r) }))}
            optionRender={(o) => {
              const r = roles.find((x) => x.role === o.value);
              return (
                <div>
                  {o.label}
                  {r && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {(r.abilityNames ?? [])
                          .map((a) => (i18n.language === 'en-US' ? a.en : a.zh))
                          .join(i18n.language === 'en-US' ? ', ' : '、')}
                      </Typography.Text>
                    </div>
                  )}
                </div>
              );
            }}
          />
        </Form.Item>
        <Form.Item name="nodeId" label={t('accounts.node')} rules={[{ required: true, message: t('common.required') }]}>
          <TerritorySelect testId="grant-node" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** A temporary password that meets the policy (length 12, upper, lower, digit, symbol). */
function temporaryPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '@#%+=!'];
  const all = sets.join('');
  const random = (n: number) => {
    const a = new Uint32Array(1);
    crypto.getRandomValues(a);
    return (a[0] ?? 0) % n;
  };
  const chars = sets.map((set) => set[random(set.length)] ?? '');
  while (chars.length < 12) chars.push(all[random(all.length)] ?? '');
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

function ResetPasswordModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const { run, error, saving, clearError } = useApiForm(form, ['password']);
  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!account) return;
    const values = await form.validateFields().catch(() => undefined);

    if (!values) return;

    const { password } = values;
    const done = await run(async () => {
      await api.post(`/accounts/${account.id}/reset-password`, { password });
      return true;
    });
    if (done) {
      modal.success({
        title: t('accounts.resetDone', { name: account.displayName }),
        content: (
          <div data-testid="reset-password-result">
            <Typography.Paragraph copyable={{ text: password }} code>
              {password}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('accounts.resetMustChange')}</Typography.Text>
          </div>
        ),
      });
      close();
    }
  };
  return (
    <Modal
      open={account !== null}
      title={`${t('accounts.resetPassword')} · ${account?.displayName ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
      afterOpenChange={(visible) => visible && form.setFieldsValue({ password: temporaryPassword() })}
    >
      <FormError error={error} />
      <Alert type="info" showIcon title={t('accounts.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" data-testid="reset-password-form">
        <Form.Item name="password" label={t('accounts.temporaryPassword')} rules={[{ required: true, message: t('common.required') }]}>
          <Input
            autoComplete="off"
            data-testid="reset-password-input"
            addonAfter={
              <Typography.Link onClick={() => form.setFieldsValue({ password: temporaryPassword() })}>
                {t('accounts.generate')}
              </Typography.Link>
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('account.manage');
  const roles = useRoles();
  const roleName = useRoleName();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);
  const [resetting, setResetting] = useState<Account | null>(null);
  const self = useCurrentUser().me?.user.id;
  const filters: Query = { q, role, status };
  const list = useCursorList<Account>('/accounts', filters);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      message.success(t('common.saved'));
      list.reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const labelOf = (r: string) => {
    const info = roles.find((x) => x.role === r);
    return info ? roleName(info) : roleLabel(r);
  };

  const columns: ColumnsType<Account> = [
    { key: 'username', title: t('accounts.username'), dataIndex: 'username', sorter: true, fixed: 'left', width: 140, ellipsis: true },
    { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName', sorter: true, width: 130, ellipsis: true },
    {
      key: 'status',
      title: t('accounts.status'),
      dataIndex: 'status',
      render: (s: string, a) => (
        <Space size={4}>
          <Tag color={statusColor[s]}>{accountStatusLabel(s)}</Tag>
          {a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs()) && (
            <Tag color="orange">
              {t('accounts.lockedUntil')} {dayjs(a.lockedUntil).format('MM-DD HH:mm')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('accounts.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      sorter: true,
      width: 150,
      responsive: ['xl'],
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      key: 'grants',
      title: t('accounts.grants'),
      dataIndex: 'grants',
      render: (grants: Grant[], a) => (
        <Space size={[4, 4]} wrap>
          {grants.map((g) =>
            manage ? (
              <Popconfirm
                key={g.id}
                title={t('accounts.revokeConfirm')}
                onConfirm={() => act(() => api.delete(`/accounts/${a.id}/grants/${g.id}`))}
              >
                <Tag color="red" closable onClose={(e) => e.preventDefault()} data-testid={`grant-${g.id}`}>
                  {labelOf(g.role)} · {g.nodeName}
                </Tag>
              </Popconfirm>
            ) : (
              <Tag key={g.id} color="red">
                {labelOf(g.role)} · {g.nodeName}
              </Tag>
            ),
          )}
        </Space>
      ),
    },
    ...(manage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            // The actions stay in view however wide the grants are (停用 at the end of the row).
            fixed: 'right' as const,
            width: 230,
            render: (_: unknown, a: Account) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setGranting(a)} data-testid={`grant-role-${a.id}`}>
                  {t('accounts.grant')}
                </Button>
                {a.id !== self && (
                  <Button size="small" onClick={() => setResetting(a)} data-testid={`reset-password-${a.id}`}>
                    {t('accounts.resetPassword')}
                  </Button>
                )}
                {(a.status === 'locked' || (a.lockedUntil && dayjs(a.lockedUntil).isAfter(dayjs()))) && (
                  <Popconfirm
                    title={t('accounts.unlockConfirm', { name: a.displayName })}
                    onConfirm={() => act(() => api.post(`/accounts/${a.id}/unlock`))}
                  >
                    <Button size="small" data-testid={`unlock-${a.id}`}>
                      {t('accounts.unlock')}
                    </Button>
                  </Popconfirm>
                )}
                {a.id !== self &&
                  (a.status === 'disabled' ? (
                    <Popconfirm
                      title={t('accounts.enableConfirm', { name: a.displayName })}
                      onConfirm={() => act(() => api.patch(`/accounts/${a.id}`, { status: 'active' }))}
                    >
                      <Button size="small" data-testid={`enable-${a.id}`}>
                        {t('accounts.enable')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title={t('accounts.disableConfirm')}
                      description={t('accounts.disableHint')}
                      onConfirm={() => act(() => api.patch(`/accounts/${a.id}`, { status: 'disabled' }))}
                    >
                      <Button size="small" danger data-testid={`disable-${a.id}`}>
                        {t('accounts.disable')}
                      </Button>
                    </Popconfirm>
                  ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('accounts.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-account">
            {t('accounts.create')}
          </Button>
        )
      }
    >
      <CursorTable<Account>
        testId="accounts-table"
        list={list}
        columns={columns}
        rowKey="id"
        exportPath="/accounts"
        exportQuery={filters}
        exportName="accounts.xlsx"
        scroll={{ x: 1000 }}
        toolbar={
          <>
            <Input.Search allowClear placeholder={t('accounts.query')} onSearch={setQ} style={{ width: 200 }} data-testid="accounts-q" />
            <Select
              allowClear
              placeholder={t('accounts.role')}
              value={role}
              onChange={setRole}
              style={{ width: 180 }}
              options={roles.map((r) => ({ value: r.role, label: roleName(r) }))}
            />
            <Select
              allowClear
              placeholder={t('accounts.status')}
              value={status}
              onChange={setStatus}
              style={{ width: 120 }}
              options={['active', 'disabled'].map((s) => ({ value: s, label: accountStatusLabel(s) }))}
            />
          </>
        }
      />
      <CreateAccountModal open={creating} roles={roles} onClose={() => setCreating(false)} onCreated={list.reload} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      <GrantModal account={granting} roles={roles} onClose={() => setGranting(null)} onGranted={list.reload} />
    </Card>
  );
}
