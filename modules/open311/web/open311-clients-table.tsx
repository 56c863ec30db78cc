import { KeyOutlined } from '@ant-design/icons';
import { Button, Flex, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Open311Client } from './api.ts';

/** As the other lists show times: 2026-12-03 05:35. */
const formatTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : null);

/** The county's Open311 clients: name, jurisdiction, active switch, created and last request, rotate key. */
export function Open311ClientsTable({
  clients,
  loading,
  busy,
  onSetActive,
  onRotate,
}: {
  clients: Open311Client[];
  loading: boolean;
  busy: string | null;
  onSetActive: (client: Open311Client, active: boolean) => void;
  onRotate: (client: Open311Client) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<Open311Client>
      rowKey="id"
      loading={loading}
      dataSource={clients}
      locale={{ emptyText: t('open311Clients.empty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('open311Clients.total', { count }) }}
      onRow={(c) => ({ 'data-testid': `open311-row-${c.name}` }) as object}
      // On a phone the table scrolls inside the page instead of widening it and breaking headings.
      scroll={{ x: 900 }}
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
                onChange={(on) => onSetActive(c, on)}
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
            <Button size="small" icon={<KeyOutlined />} onClick={() => onRotate(c)} data-testid={`open311-rotate-${c.name}`}>
              {t('open311Clients.rotate')}
            </Button>
          ),
        },
      ]}
    />
  );
}
