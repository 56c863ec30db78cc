import type { DeliberationKpis } from '@linli/deliberation/contract';
import { topicStatuses } from '@linli/deliberation/vocabulary';
import { Card, Col, Empty, Row, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ChartClick, ChartSeries } from './dashboard-chart.tsx';
import { dashboardText, daysOfMonth, monthsOf } from './dashboard-links.ts';
import { topicLabel } from './topic-labels.ts';

const DashboardChart = lazy(() => import('./dashboard-chart.tsx'));

/** The record lists the charts open: meetings (undefined without the meetings pages) and topics of the pool. */
export interface Drills {
  meetings: (query: { level?: string; from?: string; to?: string }) => string | undefined;
  topics: (query: { status?: string; level?: string }) => string;
}

/** The steps of a topic in the period and the state of the pool whose list shows them. */
const flow = [
  ['topicsCollected', undefined],
  ['topicsAdmitted', 'admissible'],
  ['topicsExcluded', 'excluded'],
  ['topicsDeliberated', 'deliberated'],
  ['topicsDecided', 'adopted'],
  ['topicsResolved', 'completed'],
] as const;

function ChartCard({ title, testId, span, children }: { title: string; testId: string; span: number; children: ReactNode }) {
  useTranslation(); // drawn again when the language changes
  return (
    <Col xs={24} xl={span}>
      <Card
        size="small"
        title={title}
        extra={<span style={{ color: '#999', fontSize: 12 }}>{dashboardText('drillHint')}</span>}
        style={{ height: '100%' }}
      >
        <div data-testid={testId}>{children}</div>
      </Card>
    </Col>
  );
}

function Chart(props: {
  labels: string[];
  series: ChartSeries[];
  horizontal?: boolean;
  faded?: boolean[];
  onSelect: (click: ChartClick) => void;
  height?: number;
}) {
  useTranslation(); // drawn again when the language changes
  if (props.series.every((s) => s.values.every((v) => v === 0))) return <Empty description={dashboardText('noData')} />;
  return (
    <Suspense fallback={<Spin />}>
      <DashboardChart {...props} />
    </Suspense>
  );
}

/** Meetings and topics by month and by level, the topics' flow and their states now; a bar opens its records. */
export function DashboardCharts({
  kpis,
  from,
  to,
  drills,
}: {
  kpis: DeliberationKpis | undefined;
  from: string;
  to: string;
  drills: Drills;
}) {
  useTranslation(); // drawn again when the language changes
  const navigate = useNavigate();
  const d = dashboardText;
  const go = (to: string | undefined) => to && navigate(to);
  if (!kpis) {
    return (
      <Card size="small">
        <Spin />
      </Card>
    );
  }
  const months = monthsOf(from, to, kpis.byMonth);
  const levels = (['compound', 'community', 'subdistrict', 'county'] as const).filter(
    (l) => l !== 'county' || kpis.meetingsByLevel.county > 0,
  );
  const states = topicStatuses.filter((s) => (kpis.byStatus[s] ?? 0) > 0);
  return (
    <Row gutter={[12, 12]}>
      <ChartCard title={d('byMonth')} testId="chart-month" span={16}>
        <Chart
          labels={months.map((m) => (m.partial ? `${m.month} ${d('monthToDate')}` : m.month))}
          faded={months.map((m) => m.partial)}
          series={[
            { name: d('meetings'), values: months.map((m) => m.meetings) },
            { name: d('topicsCollected'), values: months.map((m) => m.topicsCollected) },
            { name: d('topicsResolved'), values: months.map((m) => m.topicsResolved), type: 'line' },
          ]}
          onSelect={({ dataIndex, seriesIndex }) => {
            const month = months[dataIndex];
            if (!month) return;
            if (seriesIndex === 0) go(drills.meetings(daysOfMonth(month.month, from, to)));
            else go(drills.topics(seriesIndex === 2 ? { status: 'completed' } : {}));
          }}
        />
      </ChartCard>
      <ChartCard title={d('byLevel')} testId="chart-level" span={8}>
        <Chart
          labels={levels.map((l) => d(`levels.${l}`))}
          series={[
            { name: d('meetings'), values: levels.map((l) => kpis.meetingsByLevel[l]) },
            { name: d('topicsCollected'), values: levels.map((l) => kpis.byLevel[l] ?? 0) },
          ]}
          onSelect={({ dataIndex, seriesIndex }) => {
            const level = levels[dataIndex];
            if (!level) return;
            if (seriesIndex === 0) go(drills.meetings({ level, from, to }));
            else go(drills.topics(level === 'county' ? {} : { level }));
          }}
        />
      </ChartCard>
      <ChartCard title={d('flow')} testId="chart-flow" span={10}>
        <Chart
          horizontal
          labels={flow.map(([key]) => d(key))}
          series={[{ name: d('topics'), values: flow.map(([key]) => kpis[key]) }]}
          onSelect={({ dataIndex }) => {
            const step = flow[dataIndex];
            if (step) go(drills.topics(step[1] ? { status: step[1] } : {}));
          }}
        />
      </ChartCard>
      <ChartCard title={d('byStatus')} testId="chart-status" span={14}>
        <Chart
          horizontal
          height={Math.max(280, 40 + states.length * 26)}
          labels={states.map((s) => topicLabel('statuses', s))}
          series={[{ name: d('topics'), values: states.map((s) => kpis.byStatus[s] ?? 0), color: '#1677ff' }]}
          onSelect={({ dataIndex }) => {
            const status = states[dataIndex];
            if (status) go(drills.topics({ status }));
          }}
        />
      </ChartCard>
    </Row>
  );
}
