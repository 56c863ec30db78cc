import { DownloadOutlined, FireOutlined, ReloadOutlined } from '@ant-design/icons';
import { formatTime } from '@linli/demands/web/ui';
import { download } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Hotspot, type HotspotKind, smartApi, type Theme, type ThemeStatus } from './api.ts';
import { ClassifierCard } from './classifier-card.tsx';
import { CloseThemeModal, CreateThemeModal } from './theme-modals.tsx';

const HotspotChart = lazy(() => import('./hotspot-chart.tsx'));

const CHART_TOP = 10;

/** Rise of this month against the baseline: ∞ when the months before had none (sorts first). */
function riseOf(h: Hotspot): number {
  return h.baseline === 0 ? Number.POSITIVE_INFINITY : h.count / h.baseline;
}

/** Column filters built from the values present in the rows. */
function valueFilters<T>(rows: T[], pick: (row: T) => string): { text: string; value: string }[] {
  return [...new Set(rows.map(pick))].sort().map((v) => ({ text: v, value: v }));
}

/** The place and category columns of a list of hot spots or of themes: filters from the values shown, place sortable. */
function placeCategoryColumns<T extends { nodeName: string; categoryName: string }>(
  rows: T[],
  titles: { place: string; category: string },
): ColumnsType<T> {
  return [
    {
      title: titles.place,
      key: 'place',
      dataIndex: 'nodeName',
      filters: valueFilters(rows, (r) => r.nodeName),
      onFilter: (value, r) => r.nodeName === value,
      sorter: (a, b) => a.nodeName.localeCompare(b.nodeName, 'zh-CN', { numeric: true }),
    },
    {
      title: titles.category,
      key: 'category',
      dataIndex: 'categoryName',
      filters: valueFilters(rows, (r) => r.categoryName),
      onFilter: (value, r) => r.categoryName === value,
    },
  ];
}

/**
 * A list loaded again whenever `key` changes (nothing is loaded while it is null): null while loading,
 * empty with the error's message when loading failed. An answer that comes after the key changed is dropped.
 */
function useLoadedList<T>(key: string | null, load: () => Promise<T[]>): { items: T[] | null; error: string | null } {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says what is loaded (load is a new function each render)
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setItems(null);
    setError(null);
    load()
      .then((r) => live && setItems(r))
      .catch((e: unknown) => {
        if (!live) return;
        setItems([]);
        setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
    };
  }, [key]);
  return { items, error };
}

/**
 * 热点与每月一题: the hot spots of a month in a territory (rising and repeated demands per compound and
 * category), made into monthly themes and closed with their outcome; beside them the classifier.
 */
export default function HotspotsPage() {
  const { t } = useTranslation();
  const { me, can } = useCurrentUser();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [nodeId, setNodeId] = useState<string | null>(null);
  const [placeName, setPlaceName] = useState<string | undefined>();
  const [themeStatus, setThemeStatus] = useState<ThemeStatus | undefined>();
  const [making, setMaking] = useState<Hotspot | null>(null);
  const [closing, setClosing] = useState<Theme | null>(null);
  const [generation, setGeneration] = useState(0);
  const monthText = month.format('YYYY-MM');
  const canDispatch = can('demand.dispatch');

  // The first granted place is the default (the county for county staff), as on the dashboard.
  useEffect(() => {
    const grant = me?.grants[0];
    if (grant && !nodeId) setNodeId(grant.nodeId);
  }, [me, nodeId]);

  // Both lists follow the place and month shown (the themes also their status); generation forces a reload.
  const hotspotsKey = nodeId ? JSON.stringify([nodeId, monthText, generation]) : null;
  const { items: hotspots, error: hotspotError } = useLoadedList(hotspotsKey, () =>
    smartApi.hotspots(nodeId as string, monthText).then((r) => r.items),
  );
  const themesKey = nodeId ? JSON.stringify([nodeId, monthText, themeStatus, generation]) : null;
  const { items: themes, error: themeError } = useLoadedList(themesKey, () =>
    smartApi.themes({ nodeId: nodeId as string, month: monthText, status: themeStatus }),
  );

  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  // Both lists download as Excel from the server, with the same place, month and status as shown.
  const { message } = App.useApp();
  const [exporting, setExporting] = useState<'hotspots' | 'themes' | null>(null);
  const exportList = async (which: 'hotspots' | 'themes') => {
    if (!nodeId) return;
    setExporting(which);
    try {
      if (which === 'hotspots')
        await download('/demands/hotspots/export.xlsx', { nodeId, month: monthText, limit: 200 }, `诉求热点-${monthText}.xlsx`);
      else await download('/demand-themes/export.xlsx', { nodeId, month: monthText, status: themeStatus }, '每月一题.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setExporting(null);
    }
  };
  const exportButton = (which: 'hotspots' | 'themes') => (
    <Button
      size="small"
      icon={<DownloadOutlined />}
      loading={exporting === which}
      disabled={!nodeId}
      onClick={() => exportList(which)}
      data-testid={`${which}-export`}
    >
      {t('common.exportExcel')}
    </Button>
  );

  const kindLabel = (k: HotspotKind) => (k === 'rising' ? t('demandSmart.hotspots.kindRising') : t('demandSmart.hotspots.kindRepeated'));
  const rows = hotspots ?? [];
  const hotspotColumns: ColumnsType<Hotspot> = [
    { title: t('demandSmart.hotspots.rank'), key: 'rank', width: 64, render: (_, _h, i) => i + 1 },
    ...placeCategoryColumns(rows, { place: t('demandSmart.hotspots.place'), category: t('demandSmart.hotspots.category') }),
    {
      title: t('demandSmart.hotspots.count'),
      key: 'count',
      dataIndex: 'count',
      sorter: (a, b) => a.count - b.count,
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    { title: t('demandSmart.hotspots.baseline'), key: 'baseline', dataIndex: 'baseline', sorter: (a, b) => a.baseline - b.baseline },
    {
      title: t('demandSmart.hotspots.rise'),
      key: 'rise',
      sorter: (a, b) => riseOf(a) - riseOf(b),
      render: (_, h) =>
        h.baseline === 0 ? <Tag color="red">{t('demandSmart.hotspots.riseNew')}</Tag> : `×${(h.count / h.baseline).toFixed(1)}`,
    },
    { title: t('demandSmart.hotspots.streak'), key: 'streak', dataIndex: 'streak', sorter: (a, b) => a.streak - b.streak },
    {
      title: t('demandSmart.hotspots.kinds'),
      key: 'kinds',
      filters: (['rising', 'repeated'] as const).map((k) => ({ text: kindLabel(k), value: k })),
      onFilter: (value, h) => h.kinds.includes(value as HotspotKind),
      render: (_, h) => (
        <Space size={4}>
          {h.kinds.map((k) => (
            <Tag key={k} color={k === 'rising' ? 'volcano' : 'purple'}>
              {kindLabel(k)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: t('demandSmart.hotspots.score'), key: 'score', dataIndex: 'score', sorter: (a, b) => a.score - b.score },
    {
      title: t('demandSmart.hotspots.reason'),
      key: 'reason',
      dataIndex: 'reason',
      render: (v: string) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, h) =>
        h.themeId ? (
          <Tag color="green" data-testid="hotspot-themed">
            {t('demandSmart.hotspots.alreadyTheme')}
          </Tag>
        ) : (
          canDispatch && (
            <Button size="small" type="primary" ghost onClick={() => setMaking(h)} data-testid="make-theme">
              {t('demandSmart.hotspots.makeTheme')}
            </Button>
          )
        ),
    },
  ];

  const themeRows = themes ?? [];
  const themeColumns: ColumnsType<Theme> = [
    { title: t('demandSmart.themes.month'), key: 'month', dataIndex: 'month', sorter: (a, b) => a.month.localeCompare(b.month) },
    {
      title: t('demandSmart.themes.themeTitle'),
      key: 'title',
      dataIndex: 'title',
      render: (v: string, th) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{v}</Typography.Text>
          {th.note && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {th.note}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    ...placeCategoryColumns(themeRows, { place: t('demandSmart.themes.place'), category: t('demandSmart.themes.category') }),
    {
      title: t('demandSmart.themes.evidenceCount'),
      key: 'evidence',
      render: (_, th) => (typeof th.evidence.count === 'number' ? th.evidence.count : '—'),
    },
    {
      title: t('demandSmart.themes.status'),
      key: 'status',
      render: (_, th) => (
        <Tag color={th.status === 'open' ? 'processing' : 'default'} data-testid="theme-status">
          {t(`demandSmart.themes.${th.status}`)}
        </Tag>
      ),
    },
    {
      title: t('demandSmart.themes.createdAt'),
      key: 'createdAt',
      sorter: (a, b) => a.createdAt.localeCompare(b.createdAt),
      defaultSortOrder: 'descend',
      render: (_, th) => formatTime(th.createdAt),
    },
    {
      title: t('demandSmart.themes.outcome'),
      key: 'outcome',
      render: (_, th) =>
        th.outcome ? (
          <Space orientation="vertical" size={0}>
            <span data-testid="theme-outcome">{th.outcome}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(th.closedAt)}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, th) =>
        th.status === 'open' &&
        canDispatch && (
          <Button size="small" onClick={() => setClosing(th)} data-testid="close-theme">
            {t('demandSmart.themes.close')}
          </Button>
        ),
    },
  ];

  const top = rows.slice(0, CHART_TOP);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="hotspots-page">
      <Card
        title={
          <span>
            <FireOutlined /> {t('demandSmart.title')}
          </span>
        }
        extra={<Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('demandSmart.refresh')} data-testid="hotspots-refresh" />}
      >
        <Flex wrap gap={8} align="center">
          <span data-testid="hotspots-month">
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(v) => v && setMonth(v.startOf('month'))}
              aria-label={t('demandSmart.month')}
            />
          </span>
          <TerritorySelect
            value={nodeId}
            allowClear={false}
            onChange={(id, node) => {
              if (!id) return;
              setPlaceName(node?.name);
              setNodeId(id);
            }}
            placeholder={t('demandSmart.place')}
            style={{ width: 260 }}
            valueLabel={placeName ?? me?.grants.find((g) => g.nodeId === nodeId)?.nodeName}
            testId="hotspots-place"
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('demandSmart.hotspots.hint')}
        </Typography.Paragraph>
      </Card>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={16}>
          <Card size="small" title={t('demandSmart.hotspots.chart', { count: CHART_TOP })} data-testid="hotspots-chart">
            {hotspots === null ? (
              <Spin />
            ) : top.length === 0 ? (
              <Empty description={t('demandSmart.hotspots.empty')} />
            ) : (
              <Suspense fallback={<Spin />}>
                <HotspotChart
                  items={top}
                  labels={{ count: t('demandSmart.hotspots.count'), baseline: t('demandSmart.hotspots.baseline') }}
                />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <ClassifierCard />
        </Col>
      </Row>

      <Card size="small" title={t('demandSmart.hotspots.title')} extra={exportButton('hotspots')}>
        {hotspotError && <Alert type="error" showIcon title={hotspotError} style={{ marginBottom: 12 }} />}
        <Table<Hotspot>
          size="small"
          rowKey={(h) => `${h.nodeId}/${h.categoryId}`}
          loading={hotspots === null}
          dataSource={rows}
          columns={hotspotColumns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('demandSmart.hotspots.empty') }}
          data-testid="hotspots-table"
        />
      </Card>

      <Card
        size="small"
        title={t('demandSmart.themes.title')}
        extra={
          <Space>
            {exportButton('themes')}
            <Select<ThemeStatus | 'all'>
              size="small"
              value={themeStatus ?? 'all'}
              onChange={(v) => setThemeStatus(v === 'all' ? undefined : v)}
              options={[
                { value: 'all', label: t('demandSmart.themes.statusAll') },
                { value: 'open', label: t('demandSmart.themes.open') },
                { value: 'closed', label: t('demandSmart.themes.closed') },
              ]}
              style={{ width: 120 }}
              aria-label={t('demandSmart.themes.status')}
              data-testid="themes-status"
            />
          </Space>
        }
      >
        {themeError && <Alert type="error" showIcon title={themeError} style={{ marginBottom: 12 }} />}
        <Table<Theme>
          size="small"
          rowKey="id"
          loading={themes === null}
          dataSource={themeRows}
          columns={themeColumns}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('demandSmart.themes.empty') }}
          data-testid="themes-table"
        />
      </Card>

      <CreateThemeModal hotspot={making} month={monthText} onClose={() => setMaking(null)} onCreated={reload} />
      <CloseThemeModal theme={closing} onClose={() => setClosing(null)} onClosed={reload} />
    </Space>
  );
}
