import { BarChartOutlined, DownloadOutlined, PlusOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { download, type Query } from '@linli/web-kit/client';
import { useCursorList } from '@linli/web-kit/components/cursor-list';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tabs, Tag, TreeSelect, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type Category,
  categoryTreeData,
  type Demand,
  demandChannels,
  demandStatuses,
  demandsApi,
  handlingLevels,
  type InboxTab,
  inboxTabs,
} from './api.ts';
import { channelLabel, levelLabel, statusLabel, urgencyLabel } from './demand-labels.ts';
import { DeadlineBadge, formatTime, StatusTag, useNow } from './demand-ui.tsx';

// The intake form (uploader, place picker) loads when staff open it, not with the inbox.
const DemandIntakeModal = lazy(() => import('./demand-intake-modal.tsx').then((m) => ({ default: m.DemandIntakeModal })));
// So does the bulk dispatch dialog (progress, per-row results): it opens on a click.
const BulkDispatchModal = lazy(() => import('./demand-bulk-dispatch-modal.tsx').then((m) => ({ default: m.BulkDispatchModal })));

type TabKey = InboxTab | 'all';

/** Staff inbox (诉求办理): the caller's scope in tabs, with filters, search, sort, Excel export and bulk dispatch. */
export default function DemandInboxPage() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = (inboxTabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as InboxTab) : 'all';
  const [q, setQ] = useState(params.get('q') ?? '');
  const [filters, setFilters] = useState<Query>({
    status: params.get('status') ?? undefined,
    categoryId: params.get('categoryId') ?? undefined,
    channel: params.get('channel') ?? undefined,
    level: params.get('level') ?? undefined,
    nodeId: params.get('nodeId') ?? undefined,
  });
  const [categories, setCategories] = useState<Category[]>([]);
  const [selected, setSelected] = useState<Demand[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const [intakeOpen, setIntakeOpen] = useState(false);
  const [exporting, setExporting] = useState(false);
  const { message } = App.useApp();
  const now = useNow();

  useEffect(() => {
    demandsApi
      .categories()
      .then(setCategories)
      .catch(() => setCategories([]));
  }, []);

  const query: Query = useMemo(
    () => ({ ...filters, q: params.get('q') ?? undefined, tab: tab === 'all' ? undefined : tab }),
    [filters, params, tab],
  );
  const list = useCursorList<Demand>('/demands', query, 50, '-submittedAt');
  // A new query clears the selection: rows that left the list cannot be dispatched from here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new query only
  useEffect(() => setSelected([]), [JSON.stringify(query), list.sort]);

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const setFilter = (key: string, value: string | undefined) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setParam(key, value);
  };

  // At 1,440 px the key columns (number and title on the left, status, submission time, deadline,
  // and the action on the right) stay in view: title and action are fixed, widths are set, and the
  // less important columns (level, handling unit, channel, place; all on the detail page) show only on
  // screens of 1,600 px and more.
  const wide: 'xxl'[] = ['xxl'];
  const cell = (key: string) => () => ({ 'data-column': key }) as object;
  const baseColumns: ColumnsType<Demand> = [
    {
      title: t('demands.fields.number'),
      key: 'number',
      width: 140,
      onCell: cell('number'),
      render: (_, d) => (
        <Link to={`/demands/${d.id}`} data-testid={`demand-link-${d.number}`}>
          {d.number}
        </Link>
      ),
    },
    {
      title: t('demands.fields.title'),
      key: 'title',
      width: 260,
      onCell: cell('title'),
      render: (_, d) => (
        <Space size={4}>
          {d.urgency !== 'normal' && <Tag color="red">{urgencyLabel(d.urgency)}</Tag>}
          {d.supervised && <Tag color="volcano">{t('demands.fields.supervised')}</Tag>}
          <Typography.Text ellipsis={{ tooltip: d.title }} style={{ maxWidth: 240 }}>
            {d.title}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('demands.fields.category'), key: 'category', dataIndex: 'categoryName', width: 110, onCell: cell('category') },
    {
      title: t('demands.fields.status'),
      key: 'status',
      width: 90,
      onCell: cell('status'),
      render: (_, d) => <StatusTag status={d.status} />,
    },
    {
      title: t('demands.fields.level'),
      key: 'level',
      width: 80,
      responsive: wide,
      onCell: cell('level'),
      render: (_, d) => levelLabel(d.level),
    },
    {
      title: t('demands.fields.handlingUnit'),
      key: 'unit',
      width: 140,
      responsive: wide,
      onCell: cell('unit'),
      render: (_, d) => (
        <Typography.Text ellipsis={{ tooltip: d.handlingUnit?.name }} style={{ maxWidth: 124 }}>
          {d.handlingUnit?.name ?? ''}
        </Typography.Text>
      ),
    },
    {
      title: t('demands.fields.location'),
      key: 'location',
      width: 220,
      responsive: wide,
      onCell: cell('location'),
      render: (_, d) => (
        <Typography.Text ellipsis={{ tooltip: d.locationPath.join(' / ') }} style={{ maxWidth: 200 }}>
          {d.locationPath.join(' / ')}
        </Typography.Text>
      ),
    },
    {
      title: t('demands.fields.channel'),
      key: 'channel',
      width: 100,
      responsive: wide,
      onCell: cell('channel'),
      render: (_, d) => channelLabel(d.channel),
    },
    {
      title: t('demands.fields.submittedAt'),
      key: 'submittedAt',
      width: 150,
      sorter: true,
      onCell: cell('submittedAt'),
      render: (_, d) => formatTime(d.submittedAt),
    },
    {
      title: t('demands.fields.resolveDueAt'),
      key: 'resolveDueAt',
      width: 220,
      sorter: true,
      onCell: cell('resolveDueAt'),
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <span>{formatTime(d.resolveDueAt)}</span>
          <DeadlineBadge demand={d} now={now} />
        </Space>
      ),
    },
    {
      title: t('demands.inbox.operate'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      onCell: cell('actions'),
      render: (_, d) => (
        <Link to={`/demands/${d.id}`} data-testid={`demand-open-${d.number}`}>
          {t('demands.inbox.open')}
        </Link>
      ),
    },
  ];
  const columns: ColumnsType<Demand> = baseColumns.map((c) => {
    if (!c.sorter) return c;
    const order = list.sort === c.key ? 'ascend' : list.sort === `-${c.key}` ? 'descend' : null;
    return { ...c, sortOrder: order };
  });

  const onTableChange: TableProps<Demand>['onChange'] = (_p, _f, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Demand> | undefined;
    if (!s?.order || s.columnKey === undefined) list.setSort(undefined);
    else list.setSort(s.order === 'descend' ? `-${String(s.columnKey)}` : String(s.columnKey));
  };

  const doExport = async () => {
    setExporting(true);
    try {
      await download('/demands/export.xlsx', { ...query, sort: list.sort }, '诉求.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(false);
    }
  };

  const dispatchable = selected.filter((d) => d.status === 'accepted' || d.status === 'returned');

  return (
    <Card
      title={t('demands.inbox.title')}
      extra={
        <Button icon={<BarChartOutlined />} onClick={() => navigate('/demands/dashboard')}>
          {t('demands.inbox.dashboard')}
        </Button>
      }
      data-testid="demand-inbox"
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key === 'all' ? undefined : key)}
        items={(['all', ...inboxTabs] as TabKey[]).map((key) => ({
          key,
          label: <span data-testid={`inbox-tab-${key}`}>{t(`demands.tabs.${key}`)}</span>,
        }))}
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
          placeholder={t('demands.inbox.searchPlaceholder')}
          style={{ width: 260 }}
          data-testid="inbox-search"
        />
        <Select
          allowClear
          placeholder={t('demands.fields.status')}
          value={filters.status as string | undefined}
          onChange={(v) => setFilter('status', v)}
          options={demandStatuses.map((s) => ({ value: s, label: statusLabel(s) }))}
          style={{ width: 130 }}
          data-testid="inbox-status"
        />
        <TreeSelect
          allowClear
          placeholder={t('demands.fields.category')}
          value={filters.categoryId as string | undefined}
          onChange={(v: string | undefined) => setFilter('categoryId', v)}
          treeData={categoryTreeData(categories)}
          treeDefaultExpandAll
          style={{ width: 160 }}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          placeholder={t('demands.fields.channel')}
          value={filters.channel as string | undefined}
          onChange={(v) => setFilter('channel', v)}
          options={demandChannels.map((c) => ({ value: c, label: channelLabel(c) }))}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('demands.fields.level')}
          value={filters.level as string | undefined}
          onChange={(v) => setFilter('level', v)}
          options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))}
          style={{ width: 120 }}
        />
        <TerritorySelect
          value={(filters.nodeId as string | undefined) ?? null}
          onChange={(v) => setFilter('nodeId', v)}
          placeholder={t('demands.inbox.place')}
          style={{ width: 220 }}
        />
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          {can('demand.intake') && (
            <Button icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)} data-testid="intake-open">
              {t('demands.inbox.newDemand')}
            </Button>
          )}
          {can('demand.dispatch') && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={dispatchable.length === 0}
              onClick={() => setBulkOpen(true)}
              data-testid="bulk-dispatch"
            >
              {t('demands.inbox.bulkDispatch')}
            </Button>
          )}
          {selected.length > 0 && (
            <Typography.Text type="secondary">{t('demands.inbox.selected', { count: selected.length })}</Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={list.reload} aria-label={t('common.refresh')} />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={doExport} data-testid="export-excel">
            {t('common.exportExcel')}
          </Button>
        </Space>
      </Flex>
      <Table<Demand>
        rowKey="id"
        data-testid="inbox-table"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        tableLayout="fixed"
        size="middle"
        locale={{ emptyText: t('demands.inbox.empty') }}
        rowSelection={
          can('demand.dispatch')
            ? {
                selectedRowKeys: selected.map((d) => d.id),
                onChange: (_keys, rows) => setSelected(rows),
                getCheckboxProps: (d) => ({ 'data-testid': `select-${d.number}` }) as object,
              }
            : undefined
        }
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="inbox-count">
          {list.total !== undefined
            ? t('common.loadedOfTotal', { count: list.items.length, total: list.total >= 2000 ? '2000+' : list.total })
            : t('common.loaded', { count: list.items.length })}
        </Typography.Text>
        {list.hasMore && (
          <Button onClick={list.loadMore} loading={list.loading} data-testid="load-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      {intakeOpen && (
        <Suspense fallback={null}>
          <DemandIntakeModal onClose={() => setIntakeOpen(false)} onCreated={(d) => navigate(`/demands/${d.id}`)} />
        </Suspense>
      )}
      {bulkOpen && (
        <Suspense fallback={null}>
          <BulkDispatchModal
            demands={dispatchable}
            onClose={(changed) => {
              setBulkOpen(false);
              if (changed) {
                setSelected([]);
                list.reload();
              }
            }}
          />
        </Suspense>
      )}
    </Card>
  );
}
