import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DeliberationKpis } from '@linli/deliberation/contract';
import { api } from '@linli/web-kit/client';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { hasModule } from '@linli/web-kit/installed';
import { useData } from '@linli/web-kit/use-data';
import { Alert, App, Button, Card, DatePicker, Flex, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DashboardCards, type FigureLinks } from './dashboard-cards.tsx';
import { DashboardCharts, type Drills } from './dashboard-charts.tsx';
import { dashboardText, href } from './dashboard-links.ts';

const DAY = 'YYYY-MM-DD';

/**
 * The deliberation dashboard (议事协商数据看板): the figures of a place and period — meetings, topics
 * collected to resolved, completion and satisfaction, timeliness, stations, supervision, notices and
 * ideas — as cards and charts, each opening the records it counts; the figures as an Excel workbook.
 * Place and period live in the address, so the way back from a record list finds the same view.
 */
export default function DeliberationDashboardPage() {
  const { t } = useTranslation();
  const { me, can } = useCurrentUser();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const d = dashboardText;

  // The first granted place and the last 12 months (a year back from today, the period the counties'
  // reports count) unless the address says otherwise.
  const grant = me?.grants[0];
  const nodeId = params.get('nodeId') ?? grant?.nodeId;
  const from = params.get('from') ?? dayjs().subtract(1, 'year').add(1, 'day').format(DAY);
  const to = params.get('to') ?? dayjs().format(DAY);
  const placeName = params.get('placeName') ?? me?.grants.find((g) => g.nodeId === nodeId)?.nodeName;

  const kpis = useData(
    (signal) => (nodeId ? api.get<DeliberationKpis>('/deliberation/kpis', { nodeId, from, to }, { signal }) : Promise.resolve(undefined)),
    [nodeId, from, to],
  );
  const figures = kpis.loading ? undefined : kpis.data;

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  // A granted place is the user's whole scope: the lists show it without a place filter.
  const place = nodeId && !me?.grants.some((g) => g.nodeId === nodeId) ? { nodeId, placeName } : {};
  const meetingsPages = hasModule('meetings') && can('meetings.read');
  const resolutionPages = hasModule('resolutions') && can('resolutions.read');
  const drills: Drills = {
    meetings: (q) => (meetingsPages ? href('/meetings', { ...place, ...q }) : undefined),
    topics: (q) => href('/deliberation', { ...place, ...q }),
  };
  // The resolution tracker takes the place and state from its address; the other resolution pages open whole.
  const resolutions = (q: { status?: string }) => (resolutionPages ? href('/resolutions', { ...place, ...q }) : undefined);
  const resolutionPage = (path: string) => (resolutionPages ? path : undefined);
  const links: FigureLinks = {
    meetings: drills.meetings({ from, to }),
    topicsCollected: drills.topics({}),
    topicsResolved: drills.topics({ status: 'completed' }),
    completionRate:
      figures?.sources.completion === 'resolutions' ? resolutions({ status: 'completed' }) : drills.topics({ status: 'completed' }),
    satisfactionRate:
      figures?.sources.satisfaction === 'resolutions' ? resolutionPage('/resolutions/supervision') : drills.topics({ status: 'evaluated' }),
    redProjects: href('/deliberation', { ...place, redProject: 'true' }),
    stations: '/deliberation/stations',
    supervisionCommittees: resolutionPage('/resolutions/committees'),
    publications: resolutionPage('/resolutions/notices'),
    ideasReported: resolutionPage('/resolutions/notices'),
    evaluationsOnTime: resolutionPage('/resolutions/supervision'),
    averageDaysToDecision: drills.topics({ status: 'adopted' }),
    averageDaysToCompletion: resolutions({ status: 'completed' }),
  };

  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: d('presets.monthToDate'), value: [dayjs().startOf('month'), dayjs()] },
    { label: d('presets.last3Months'), value: [dayjs().subtract(2, 'month').startOf('month'), dayjs()] },
    { label: d('presets.last12Months'), value: [dayjs().subtract(1, 'year').add(1, 'day'), dayjs()] },
    { label: d('presets.yearToDate'), value: [dayjs().startOf('year'), dayjs()] },
    {
      label: d('presets.lastYear'),
      value: [dayjs().subtract(1, 'year').startOf('year'), dayjs().subtract(1, 'year').endOf('year')],
    },
  ];

  const doExport = async () => {
    if (!figures) return;
    try {
      const { exportDashboard } = await import('./dashboard-export.ts');
      exportDashboard(figures, { placeName: placeName ?? '', from, to });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="deliberation-dashboard">
      <Card
        title={d('title')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void kpis.reload()} aria-label={t('common.refresh')} />
            <Button icon={<DownloadOutlined />} onClick={doExport} disabled={!figures} data-testid="kpi-export">
              {d('export')}
            </Button>
          </Space>
        }
      >
        <Flex wrap gap={8}>
          <TerritorySelect
            value={nodeId ?? null}
            allowClear={false}
            deepestKind="compound"
            onChange={(id, node) => id && update({ nodeId: id, placeName: node?.name })}
            placeholder={d('place')}
            style={{ width: 260 }}
            valueLabel={placeName}
            testId="kpi-place"
          />
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            presets={presets}
            onChange={(v) => v?.[0] && v[1] && update({ from: v[0].format(DAY), to: v[1].format(DAY) })}
            data-testid="kpi-period"
          />
        </Flex>
        {kpis.error && <Alert type="error" showIcon title={kpis.error.message} style={{ marginTop: 12 }} />}
      </Card>
      <DashboardCards kpis={figures} links={links} />
      <DashboardCharts kpis={figures} from={from} to={to} drills={drills} />
    </Space>
  );
}
