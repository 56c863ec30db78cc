import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '@linli/web-kit/current-user';
import type { ButtonProps } from 'antd';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Open311Client, type Open311ClientWithKey, open311ClientsApi } from './api.ts';
import { Open311ClientsFilter, type StatusFilter } from './open311-clients-filter.tsx';
import { Open311ClientsTable } from './open311-clients-table.tsx';
import { CreateModal } from './open311-create-modal.tsx';
import { KeyModal } from './open311-key-modal.tsx';

const ENDPOINT = '/open311/v2';

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
      <Open311ClientsFilter query={query} status={status} onQuery={setQuery} onStatus={setStatus} />
      <Open311ClientsTable
        clients={visible}
        loading={clients === null && !loadError}
        busy={busy}
        onSetActive={(c, on) => void setActive(c, on)}
        onRotate={rotate}
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
