import { KeyOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { ApiError } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Open311Client, type Open311ClientWithKey, open311ClientsApi } from './api.ts';

type StatusFilter = 'all' | 'active' | 'inactive';
const ENDPOINT = '/open311/v2';
const formatTime = (v: string | null) => (v ? new Date(v).toLocaleString() : null);

/** The api key of a client, shown once after create or rotate, with a copy button and a warning. */
function KeyModal({ shown, onClose }: { shown: Open311ClientWithKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={t('open311Clients.keyTitle', { name: shown?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="open311-key-done">
          {t('open311Clients.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('open311Clients.keyWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: shown?.apiKey ?? '', tooltips: [t('open311Clients.copy'), t('open311Clients.copied')] }}
        data-testid="open311-api-key"
        style={{ wordBreak: 'break-all' }}
      >
        {shown?.apiKey}
      </Typography.Paragraph>
    </Modal>
  );
}

/** The create form; server field errors (duplicate name, bad jurisdiction_id) land on their field. */
function CreateModal({
  open,
  countyCode,
  onClose,
  onCreated,
}: {
  open: boolean;
  countyCode: string;
  onClose: () => void;
  onCreated: (created: Open311ClientWithKey) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; jurisdictionId?: string }>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: { name: string; jurisdictionId?: string }) => {
    setSaving(true);
    try {
      const jurisdictionId = values.jurisdictionId?.trim();
      const created = await open311ClientsApi.create({ name: values.name.trim(), ...(jurisdictionId ? { jurisdictionId } : {}) });
      onCreated(created);
    } catch (e) {
      if (e instanceof ApiError) {
        const details: Record<string, unknown>[] =
          e.detailList.length > 0 ? e.detailList : e.details && typeof e.details === 'object' ? [e.details as Record<string, unknown>] : [];
        const fields = details
          .map((d) => ({ name: String(d.field ?? '').replace(/^\//, ''), errors: [String(d.reason ?? e.message)] }))
          .filter((f) => f.name === 'name' || f.name === 'jurisdictionId')
          .map((f) => ({ name: f.name as 'name' | 'jurisdictionId', errors: f.errors }));
        if (fields.length > 0) form.setFields(fields);
        else message.error(e.message);
      } else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('open311Clients.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('open311Clients.save')}
      cancelText={t('open311Clients.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'open311-create-ok' } as ButtonProps}
      destroyOnHidden
      // Emptied once closed (the form instance outlives its fields), so nothing typed into a new
      // form can be reset under the user's hands as it opens.
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('open311Clients.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('open311Clients.nameRequired') }]}
        >
          <Input maxLength={100} data-testid="open311-name" />
        </Form.Item>
        <Form.Item
          name="jurisdictionId"
          label={t('open311Clients.jurisdictionId')}
          extra={t('open311Clients.jurisdictionHint', { code: countyCode })}
          rules={[{ pattern: /^[A-Za-z0-9_.-]{1,100}$/, message: t('open311Clients.jurisdictionInvalid') }]}
        >
          <Input placeholder={countyCode} maxLength={100} data-testid="open311-jurisdiction" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Open311 接入: the county's Open311 clients (apps and partner systems). Create one (its api key
 * is shown once), rotate a key (the old one stops working), deactivate or reactivate. Needs
 * demand.configure on the county, as the API does.
 */
export default function Open311ClientsPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { me } = useCurrentUser();
  const [clients, setClients] = useState<Open311Client[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [creating, setCreating] = useState(false);
  const [shownKey, setShownKey] = useState<Open311ClientWithKey | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setClients(await open311ClientsApi.list());
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const visible = useMemo(
    () =>
      (clients ?? []).filter(
        (c) => c.name.toLowerCase().includes(query.trim().toLowerCase()) && (status === 'all' || c.active === (status === 'active')),
      ),
    [clients, query, status],
  );

  const setActive = async (client: Open311Client, active: boolean) => {
    setBusy(client.id);
    try {
      const saved = await open311ClientsApi.setActive(client.id, active);
      setClients((list) => (list ?? []).map((c) => (c.id === saved.id ? saved : c)));
      message.success(t(active ? 'open311Clients.activated' : 'open311Clients.deactivated', { name: client.name }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const rotate = (client: Open311Client) => {
    modal.confirm({
      title: t('open311Clients.rotateTitle', { name: client.name }),
      content: t('open311Clients.rotateContent'),
      okText: t('open311Clients.rotateOk'),
      okButtonProps: { danger: true, 'data-testid': 'open311-rotate-ok' } as ButtonProps,
      cancelText: t('open311Clients.cancel'),
      onOk: async () => {
        try {
          const rotated = await open311ClientsApi.rotateKey(client.id);
          setShownKey(rotated);
        } catch (e) {
          message.error(e instanceof Error ? e.message : String(e));
        }
      },
    });
  };

  return (
    <Flex vertical gap={16} data-testid="open311-clients-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('open311Clients.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="open311-create">
          {t('open311Clients.create')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">{t('open311Clients.intro', { endpoint: ENDPOINT })}</Typography.Text>
      {loadError && <Alert type="error" showIcon title={loadError} />}
      <Flex gap={8} wrap>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('open311Clients.searchName')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 240 }}
          data-testid="open311-search"
        />
        <Select<StatusFilter>
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: `${t('open311Clients.status')}: ${t('common.all')}` },
            { value: 'active', label: t('open311Clients.active') },
            { value: 'inactive', label: t('open311Clients.inactive') },
          ]}
        />
      </Flex>
      <Table<Open311Client>
        rowKey="id"
        loading={clients === null && !loadError}
        dataSource={visible}
        locale={{ emptyText: t('open311Clients.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('open311Clients.total', { count }) }}
        onRow={(c) => ({ 'data-testid': `open311-row-${c.name}` }) as object}
        columns={[
          {
            title: t('open311Clients.name'),
            dataIndex: 'name',
            sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
          },
          {
            title: t('open311Clients.jurisdictionId'),
            dataIndex: 'jurisdictionId',
            sorter: (a, b) => a.jurisdictionId.localeCompare(b.jurisdictionId),
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t('open311Clients.status'),
            dataIndex: 'active',
            render: (active: boolean, c) => (
              <Flex gap={8} align="center">
                <Switch
                  checked={active}
                  loading={busy === c.id}
                  onChange={(on) => void setActive(c, on)}
                  data-testid={`open311-active-${c.name}`}
                />
                <Tag color={active ? 'green' : 'default'}>{t(active ? 'open311Clients.active' : 'open311Clients.inactive')}</Tag>
              </Flex>
            ),
          },
          {
            title: t('open311Clients.createdAt'),
            dataIndex: 'createdAt',
            defaultSortOrder: 'descend',
            sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
            render: formatTime,
          },
          {
            title: t('open311Clients.lastRequestAt'),
            dataIndex: 'lastRequestAt',
            sorter: (a, b) => (a.lastRequestAt ?? '').localeCompare(b.lastRequestAt ?? ''),
            render: (v: string | null) => formatTime(v) ?? <Typography.Text type="secondary">{t('open311Clients.never')}</Typography.Text>,
          },
          {
            title: t('open311Clients.actions'),
            key: 'actions',
            render: (_, c) => (
              <Button size="small" icon={<KeyOutlined />} onClick={() => rotate(c)} data-testid={`open311-rotate-${c.name}`}>
                {t('open311Clients.rotate')}
              </Button>
            ),
          },
        ]}
      />
      <CreateModal
        open={creating}
        countyCode={me?.user.tenantId ?? ''}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          setShownKey(created);
          void load();
        }}
      />
      <KeyModal shown={shownKey} onClose={() => setShownKey(null)} />
    </Flex>
  );
}
