import { DownloadOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import type { PropertyKpis } from '@linli/property/contract';
import { api, download } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Row, Space, Spin, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import './dashboard-print.css';
import { looseT } from './loose-t.ts';

const DashboardCharts = lazy(() => import('./dashboard-charts.tsx'));
const DAY = 'YYYY-MM-DD';

interface Figure {
  key: string;
  label: string;
  value: number | undefined;
  unit: string;
  precision?: number;
}

/** One group of figures as a card of statistics. */
function FigureCard({ title, figures, testId }: { title: string; figures: Figure[]; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      <Row gutter={[12, 12]}>
        {figures.map((f) => (
          <Col xs={12} md={8} key={f.key} data-testid={`property-kpi-${f.key}`}>
            <Statistic
              title={f.label}
              value={f.value ?? '—'}
              precision={f.value === undefined ? undefined : f.precision}
              suffix={f.value === undefined ? undefined : f.unit}
            />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/**
 * The property reform dashboard (物业改革数据看板): the county reports' figures of a place and period,
 * computed from records by `GET /property/kpis` — classification, service modes and clusters,
 * companies and red-property party work, owners' organisations, micro-grids and 红管家, stations,
 * urban management, renovation and joint meetings — as cards and charts; Excel and print. Place and
 * period live in the address.
 */
export default function PropertyDashboardPage() {
  const { t } = useTranslation();
  const { me } = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const d = (key: string) => looseT(t)(`property.dashboard.${key}`);

  const grant = me?.grants[0];
  const nodeId = params.get('nodeId') ?? grant?.nodeId;
  const from = params.get('from') ?? dayjs().subtract(1, 'year').add(1, 'day').format(DAY);
  const to = params.get('to') ?? dayjs().format(DAY);
  const placeName = params.get('placeName') ?? me?.grants.find((g) => g.nodeId === nodeId)?.nodeName;
  const kpis = useData(
    (signal) => (nodeId ? api.get<PropertyKpis>('/property/kpis', { nodeId, from, to }, { signal }) : Promise.resolve(undefined)),
    [nodeId, from, to],
  );
  const k = kpis.loading ? undefined : kpis.data;
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const doExport = async () => {
    setExporting(true);
    try {
      await download('/property/kpis/export.xlsx', { nodeId, from, to }, `${placeName ?? ''}物业改革数据.xlsx`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('property.dashboard.period'), value: [dayjs().subtract(1, 'year').add(1, 'day'), dayjs()] },
    { label: String(dayjs().year()), value: [dayjs().startOf('year'), dayjs()] },
    { label: String(dayjs().year() - 1), value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')] },
  ];
  const u = (unit: string) => d(`units.${unit}`);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="property-dashboard" data-testid="property-dashboard">
      <Card
        title={`${d('title')}${placeName ? ` · ${placeName}` : ''}`}
        extra={
          <Space className="no-print">
            <Button icon={<ReloadOutlined />} onClick={() => void kpis.reload()} aria-label={t('common.refresh')} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="property-dashboard-print">
              {d('print')}
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!k} onClick={doExport} data-testid="export-excel">
              {d('exportExcel')}
            </Button>
          </Space>
        }
      >
        <Flex wrap gap={8} className="no-print">
          <TerritorySelect
            value={nodeId ?? null}
            allowClear={false}
            deepestKind="compound"
            onChange={(id, node) => id && update({ nodeId: id, placeName: node?.name })}
            placeholder={t('property.place')}
            style={{ width: 260 }}
            valueLabel={placeName}
            testId="property-dashboard-place"
          />
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            presets={presets}
            onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format(DAY), to: v[1].format(DAY) })}
          />
          <Link to="/property/ledger">{d('openLedger')}</Link>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          {d('period')}：{from} ~ {to}。{d('hint')}
        </Typography.Paragraph>
        {kpis.error && <Alert type="error" showIcon title={kpis.error.message} style={{ marginTop: 12 }} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <FigureCard
            title={d('classification')}
            testId="property-dashboard-classification"
            figures={[
              { key: 'compounds', label: d('compounds'), value: k?.compounds, unit: u('compound') },
              ...(['well', 'poor', 'unmanaged', 'self'] as const).map((s) => ({
                key: `status-${s}`,
                label: t(`property.statuses.${s}`),
                value: k?.compoundsByStatus[s],
                unit: u('compound'),
              })),
              { key: 'clusters', label: d('clusters'), value: k?.clusters, unit: u('compound') },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <FigureCard
            title={d('redProperty')}
            testId="property-dashboard-red"
            figures={[
              {
                key: 'communityServiceCompanies',
                label: t('property.kinds.community_service'),
                value: k?.communityServiceCompanies,
                unit: u('company'),
              },
              { key: 'compoundBranches', label: d('compoundBranches'), value: k?.compoundBranches, unit: u('compound') },
              { key: 'companiesWithPartyOrg', label: d('companiesWithPartyOrg'), value: k?.companiesWithPartyOrg, unit: u('company') },
              { key: 'instructors', label: d('instructors'), value: k?.instructors, unit: u('person') },
              ...(k?.stations ?? []).map((s) => ({ key: `station-${s.kind}`, label: s.name, value: s.count, unit: u('compound') })),
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <FigureCard
            title={d('committees')}
            testId="property-dashboard-committees"
            figures={[
              { key: 'ownersCommittees', label: d('ownersCommittees'), value: k?.ownersCommittees, unit: u('compound') },
              {
                key: 'propertyManagementCommittees',
                label: d('propertyManagementCommittees'),
                value: k?.propertyManagementCommittees,
                unit: u('compound'),
              },
              {
                key: 'committeesPartyShareMet',
                label: d('committeesPartyShareMet'),
                value: k?.committeesPartyShareMet,
                unit: u('compound'),
              },
              { key: 'microGrids', label: d('microGrids'), value: k?.microGrids, unit: u('compound') },
              { key: 'microGridMembers', label: d('microGridMembers'), value: k?.microGridMembers, unit: u('person') },
              { key: 'redStewardTeams', label: d('redStewardTeams'), value: k?.redStewardTeams, unit: u('team') },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <FigureCard
            title={d('urban')}
            testId="property-dashboard-urban"
            figures={[
              {
                key: 'illegalStructuresRemoved',
                label: d('illegalStructuresRemoved'),
                value: k?.illegalStructuresRemoved,
                unit: u('item'),
              },
              { key: 'illegalStructureAreaM2', label: d('illegalStructureAreaM2'), value: k?.illegalStructureAreaM2, unit: u('m2') },
              { key: 'rubbishTonnes', label: d('rubbishTonnes'), value: k?.rubbishTonnes, unit: u('tonne'), precision: 1 },
              { key: 'parkingSpaces', label: d('parkingSpaces'), value: k?.parkingSpaces, unit: u('compound') },
              { key: 'chargers', label: d('chargers'), value: k?.chargers, unit: u('compound') },
              { key: 'renovatedCompounds', label: d('renovatedCompounds'), value: k?.renovatedCompounds, unit: u('compound') },
            ]}
          />
        </Col>
      </Row>
      {k && (
        <Suspense fallback={<Spin />}>
          <DashboardCharts kpis={k} />
        </Suspense>
      )}
    </Space>
  );
}
