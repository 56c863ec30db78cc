import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  type Category,
  categoryTreeData,
  type DemandFeatures,
  demandFeatures,
  demandsApi,
  handlingLevels,
  type KpiGroup,
  type KpiGrouping,
  type Kpis,
  type Ranking,
} from '@linli/demands/web/api';
import { levelLabel, percent } from '@linli/demands/web/labels';
import { api, download, itemsOf } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCurrentUser } from '@linli/web-kit/current-user';
import type { Page, TerritoryNode } from '@linli/web-kit/types';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, InputNumber, Row, Select, Space, Spin, Statistic, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Series } from './demand-chart.tsx';

const DemandChart = lazy(() => import('./demand-chart.tsx'));
// The rankings table (antd's Table) loads like the charts: it draws only once the server's features and
// rankings have arrived, so it need not hold up the page's first render.
const DemandRankingsTable = lazy(() => import('./demand-rankings-table.tsx'));

const TOP_GROUPS = 15;
const rateKeys = ['responseRate', 'resolutionRate', 'satisfactionRate', 'completionRate', 'onTimeRate', 'callbackCoverage'] as const;
type RateKey = (typeof rateKeys)[number];

interface Filters {
  nodeId: string;
  from: string;
  to: string;
  categoryId?: string;
}

/** The new endpoint answers `{ kpis, groups }`; the first release answered the KPIs alone. */
function kpisOf(value: Kpis | { kpis: Kpis }): Kpis {
  return 'kpis' in value ? value.kpis : value;
}

async function fetchKpis(f: Filters, features: DemandFeatures, groupBy?: KpiGrouping): Promise<{ kpis: Kpis; groups: KpiGroup[] }> {
  const query = { nodeId: f.nodeId, from: f.from, to: f.to, ...(features.kpiGroups ? { categoryId: f.categoryId, groupBy } : {}) };
  const value = await api.get<Kpis | { kpis: Kpis; groups?: KpiGroup[] }>('/demands/kpis', query);
  return { kpis: kpisOf(value), groups: 'groups' in value ? (value.groups ?? []) : [] };
}

/**
 * Without `groupBy` on the server: the children of the node and the months of the period, one KPI
 * request each (a territory has at most a few dozen children; the period is capped at 24 months).
 */
async function fallbackGroups(f: Filters, by: 'child' | 'month'): Promise<KpiGroup[]> {
  if (by === 'child') {
    const children = itemsOf(await api.get<Page<TerritoryNode>>('/territory/nodes', { parentId: f.nodeId, limit: 40, withCounts: false }));
    return Promise.all(
      children
        .filter((c) => c.kind !== 'household')
        .map(async (c) => ({ key: c.id, label: c.name, kpis: (await fetchKpis({ ...f, nodeId: c.id }, noFeatures)).kpis })),
    );
  }
  const months: KpiGroup[] = [];
  let cursor = dayjs(f.from).startOf('month');
  const end = dayjs(f.to);
  while (!cursor.isAfter(end) && months.length < 24) {
    const from = cursor.isBefore(dayjs(f.from)) ? f.from : cursor.format('YYYY-MM-DD');
    const last = cursor.endOf('month');
    const to = last.isAfter(end) ? f.to : last.format('YYYY-MM-DD');
    months.push({
      key: cursor.format('YYYY-MM'),
      label: cursor.format('YYYY-MM'),
      kpis: (await fetchKpis({ ...f, from, to }, noFeatures)).kpis,
      // The month under way (as the server marks it; here by the browser's clock).
      partial: cursor.isSame(dayjs(), 'month'),
    });
    cursor = cursor.add(1, 'month');
  }
  return months;
}

const noFeatures: DemandFeatures = {
  kpiGroups: false,
  rankings: false,
  kpiExport: false,
  suggest: false,
  similar: false,
  attachments: false,
};

function GroupChart({
  groups,
  kind,
  onSelect,
  top,
}: {
  groups: KpiGroup[] | null;
  kind: 'bar' | 'line';
  onSelect?: (group: KpiGroup) => void;
  /** Show only the `top` groups with the most demands. */
  top?: number;
}) {
  const { t } = useTranslation();
  if (groups === null) return <Spin />;
  if (groups.length === 0) return <Empty description={t('demandStats.dashboard.noData')} />;
  // Dozens of villages make unreadable bars: the busiest ones, most demands first.
  const shown = top && groups.length > top ? [...groups].sort((a, b) => b.kpis.submitted - a.kpis.submitted).slice(0, top) : groups;
  const series: Series[] = [
    { name: t('demandStats.dashboard.submitted'), values: shown.map((g) => g.kpis.submitted) },
    { name: t('demandStats.dashboard.resolutionRate'), values: shown.map((g) => g.kpis.resolutionRate), rate: true },
    { name: t('demandStats.dashboard.satisfactionRate'), values: shown.map((g) => g.kpis.satisfactionRate), rate: true },
    { name: t('demandStats.dashboard.onTimeRate'), values: shown.map((g) => g.kpis.onTimeRate), rate: true },
  ];
  return (
    <Suspense fallback={<Spin />}>
      <DemandChart
        // The month under way is labelled 本月至今 and drawn dashed / lighter: its figures are not a whole month's.
        labels={shown.map((g) => (g.partial ? `${g.label}\n${t('demandStats.dashboard.monthToDate')}` : g.label))}
        partial={shown.map((g) => g.partial === true)}
        partialNote={t('demandStats.dashboard.partialMonth')}
        series={series}
        kind={kind}
        onSelect={onSelect && ((i) => shown[i] && onSelect(shown[i]))}
      />
    </Suspense>
  );
}

/** KPIs of demands by territory, category and period (ECharts), the rankings of units, and the Excel export. */
export default function DemandDashboardPage() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const { message } = App.useApp();
  const [features, setFeatures] = useState<DemandFeatures | null>(null);
  const [filters, setFilters] = useState<Filters | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [kpis, setKpis] = useState<Kpis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [byChild, setByChild] = useState<KpiGroup[] | null>(null);
  const [byCategory, setByCategory] = useState<KpiGroup[] | null>(null);
  const [byMonth, setByMonth] = useState<KpiGroup[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [rankLevel, setRankLevel] = useState<string>('compound');
  const [minSample, setMinSample] = useState<number>(5);
  const [rankings, setRankings] = useState<Ranking[] | null>(null);
  const [generation, setGeneration] = useState(0);
  const [placeName, setPlaceName] = useState<string | undefined>();

  useEffect(() => {
    void demandFeatures().then(setFeatures);
    demandsApi
      .categories()
      .then(setCategories)
      .catch(() => setCategories([]));
  }, []);

  // The first granted place is the default scope (the county for county staff).
  useEffect(() => {
    const grant = me?.grants[0];
    if (grant && !filters) setFilters({ nodeId: grant.nodeId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
  }, [me, filters, range]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: generation forces a reload
  useEffect(() => {
    if (!filters || !features) return;
    let live = true;
    setError(null);
    setKpis(null);
    setByChild(null);
    setByCategory(null);
    setByMonth(null);
    const fail = (e: unknown) => live && setError(e instanceof Error ? e.message : String(e));
    fetchKpis(filters, features)
      .then((r) => live && setKpis(r.kpis))
      .catch(fail);
    const grouped = (by: KpiGrouping, set: (g: KpiGroup[]) => void) =>
      (features.kpiGroups
        ? fetchKpis(filters, features, by).then((r) => r.groups)
        : by === 'child' || by === 'month'
          ? fallbackGroups(filters, by)
          : Promise.resolve([])
      )
        .then((g) => live && set(g))
        .catch((e) => {
          if (live) set([]);
          fail(e);
        });
    void grouped('child', setByChild);
    void grouped('month', setByMonth);
    if (features.kpiGroups) void grouped('category', setByCategory);
    return () => {
      live = false;
    };
  }, [filters, features, generation]);

  const loadRankings = useCallback(async () => {
    if (!filters || !features?.rankings) return;
    setRankings(null);
    try {
      const r = await api.get<Ranking[] | { items: Ranking[] }>('/demands/rankings', {
        nodeId: filters.nodeId,
        from: filters.from,
        to: filters.to,
        level: rankLevel,
        minSample,
      });
      setRankings(itemsOf(r));
    } catch (e) {
      setRankings([]);
      message.error(e instanceof Error ? e.message : String(e));
    }
  }, [filters, features, rankLevel, minSample, message]);

  useEffect(() => {
    void loadRankings();
  }, [loadRankings]);

  const doExport = async () => {
    if (!filters) return;
    try {
      await download('/demands/kpis/export.xlsx', { ...filters }, '诉求统计.xlsx');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const card = (key: RateKey) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small">
        <Statistic title={t(`demandStats.dashboard.${key}`)} value={kpis ? percent(kpis[key]) : '—'} data-testid={`kpi-${key}`} />
      </Card>
    </Col>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="demand-dashboard">
      <Card
        title={t('demandStats.dashboard.title')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => setGeneration((g) => g + 1)} aria-label={t('common.refresh')} />
            {features?.kpiExport && (
              <Button icon={<DownloadOutlined />} onClick={doExport} data-testid="kpi-export">
                {t('demandStats.dashboard.export')}
              </Button>
            )}
          </Space>
        }
      >
        <Flex wrap gap={8}>
          <TerritorySelect
            value={filters?.nodeId ?? null}
            allowClear={false}
            onChange={(nodeId, node) => {
              if (!nodeId || !filters) return;
              setPlaceName(node?.name);
              setFilters({ ...filters, nodeId });
            }}
            placeholder={t('demandStats.dashboard.place')}
            style={{ width: 260 }}
            valueLabel={placeName ?? me?.grants.find((g) => g.nodeId === filters?.nodeId)?.nodeName}
            testId="kpi-place"
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => {
              if (!v?.[0] || !v[1]) return;
              const next: [Dayjs, Dayjs] = [v[0], v[1]];
              setRange(next);
              if (filters) setFilters({ ...filters, from: next[0].format('YYYY-MM-DD'), to: next[1].format('YYYY-MM-DD') });
            }}
          />
          {features?.kpiGroups && (
            <TreeSelect
              allowClear
              placeholder={t('demands.fields.category')}
              treeData={categoryTreeData(categories)}
              value={filters?.categoryId}
              onChange={(categoryId: string | undefined) => filters && setFilters({ ...filters, categoryId })}
              style={{ width: 180 }}
              popupMatchSelectWidth={false}
            />
          )}
        </Flex>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Card>

      <Row gutter={[12, 12]} data-testid="kpi-cards">
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t('demandStats.dashboard.submitted')} value={kpis?.submitted ?? '—'} data-testid="kpi-submitted" />
          </Card>
        </Col>
        {rateKeys.map(card)}
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={t('demandStats.dashboard.averageHandlingHours')}
              value={kpis?.averageHandlingHours === null || !kpis ? '—' : kpis.averageHandlingHours.toFixed(1)}
              suffix={kpis?.averageHandlingHours != null ? t('demandStats.dashboard.hoursUnit') : undefined}
              data-testid="kpi-averageHandlingHours"
            />
          </Card>
        </Col>
        <Col xs={24} md={16} xl={12}>
          <Card size="small" title={t('demandStats.dashboard.resolvedByLevel')}>
            <Flex wrap gap={24} data-testid="kpi-levels">
              {handlingLevels.map((l) => (
                <Statistic key={l} title={levelLabel(l)} value={kpis ? percent(kpis.resolvedByLevel[l]) : '—'} />
              ))}
            </Flex>
          </Card>
        </Col>
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('demandStats.dashboard.byChild')}
            extra={<span style={{ color: '#999', fontSize: 12 }}>{t('demandStats.dashboard.drillHint')}</span>}
            data-testid="chart-child"
          >
            <GroupChart
              groups={byChild}
              kind="bar"
              top={TOP_GROUPS}
              onSelect={(g) => {
                if (!filters) return;
                setPlaceName(g.label);
                setFilters({ ...filters, nodeId: g.key });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('demandStats.dashboard.byMonth')} data-testid="chart-month">
            <GroupChart groups={byMonth} kind="line" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('demandStats.dashboard.byCategory')} data-testid="chart-category">
            {features?.kpiGroups ? (
              <GroupChart groups={byCategory} kind="bar" top={TOP_GROUPS} />
            ) : (
              <Empty description={t('demandStats.dashboard.unavailable')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('demandStats.dashboard.rankings')}
            data-testid="kpi-rankings"
            extra={
              features?.rankings && (
                <Space>
                  <Select
                    size="small"
                    value={rankLevel}
                    onChange={setRankLevel}
                    options={handlingLevels.map((l) => ({ value: l, label: levelLabel(l) }))}
                    aria-label={t('demandStats.dashboard.rankLevel')}
                    style={{ width: 110 }}
                  />
                  <InputNumber
                    size="small"
                    min={1}
                    max={1000}
                    value={minSample}
                    onChange={(v) => setMinSample(v ?? 1)}
                    prefix={t('demandStats.dashboard.minSample')}
                    style={{ width: 150 }}
                  />
                </Space>
              )
            }
          >
            {features?.rankings ? (
              <Suspense fallback={<Spin />}>
                <DemandRankingsTable rankings={rankings} />
              </Suspense>
            ) : (
              <Empty description={t('demandStats.dashboard.unavailable')} />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
