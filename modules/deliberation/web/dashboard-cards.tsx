import type { DeliberationKpis } from '@linli/deliberation/contract';
import { percent } from '@linli/demands/web/labels';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dashboardText } from './dashboard-links.ts';

/** Where each figure leads (undefined: the user cannot open those records). */
export type FigureLinks = Partial<Record<FigureKey, string>>;

export type FigureKey =
  | 'meetings'
  | 'topicsCollected'
  | 'topicsResolved'
  | 'completionRate'
  | 'satisfactionRate'
  | 'redProjects'
  | 'stations'
  | 'supervisionCommittees'
  | 'publications'
  | 'ideasReported'
  | 'evaluationsOnTime'
  | 'averageDaysToDecision'
  | 'averageDaysToCompletion';

/** A figure, as a link to its records when it has one. */
function Drill({ to, testId, children }: { to?: string; testId: string; children: ReactNode }) {
  useTranslation(); // drawn again when the language changes
  return to ? (
    <Link to={to} data-testid={testId} title={dashboardText('drillHint')} style={{ display: 'block', height: '100%', color: 'inherit' }}>
      {children}
    </Link>
  ) : (
    <div data-testid={testId} style={{ height: '100%' }}>
      {children}
    </div>
  );
}

const days = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** The row of figure cards: counts, rates (percent with one decimal, — without a base), days; each opens its records. */
export function DashboardCards({ kpis, links }: { kpis: DeliberationKpis | undefined; links: FigureLinks }) {
  useTranslation(); // drawn again when the language changes
  const d = dashboardText;
  const count = (key: FigureKey, unit: string, note?: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Drill to={links[key]} testId={`kpi-${key}`}>
        <Card size="small" hoverable={links[key] !== undefined} style={{ height: '100%' }}>
          <Statistic title={d(key)} value={kpis ? (kpis[key] as number) : '—'} suffix={kpis ? d(`units.${unit}`) : undefined} />
          {note && <Typography.Text type="secondary">{note}</Typography.Text>}
        </Card>
      </Drill>
    </Col>
  );
  const rate = (key: 'completionRate' | 'satisfactionRate') => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Drill to={links[key]} testId={`kpi-${key}`}>
        <Card size="small" hoverable={links[key] !== undefined} style={{ height: '100%' }}>
          <Statistic title={d(key)} value={kpis ? percent(kpis[key]) : '—'} />
        </Card>
      </Drill>
    </Col>
  );
  // Timeliness: three figures in one card.
  const inner = (key: FigureKey, value: string, suffix?: string) => (
    <Col span={8} key={key}>
      <Drill to={links[key]} testId={`kpi-${key}`}>
        <Statistic title={d(key)} value={value} suffix={suffix} />
      </Drill>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} data-testid="kpi-cards">
      {count('meetings', 'times')}
      {count('topicsCollected', 'topics')}
      {count('topicsResolved', 'topics')}
      {rate('completionRate')}
      {rate('satisfactionRate')}
      {count('redProjects', 'items')}
      {count('stations', 'items')}
      {count('supervisionCommittees', 'items', kpis ? d('membersNote', { members: kpis.supervisionMembers }) : undefined)}
      {count('publications', 'times')}
      {count('ideasReported', 'topics')}
      <Col xs={24} md={16} xl={8}>
        <Card size="small" style={{ height: '100%' }}>
          <Row gutter={12}>
            {inner('evaluationsOnTime', kpis ? percent(kpis.evaluationsOnTime) : '—')}
            {inner(
              'averageDaysToDecision',
              days(kpis?.averageDaysToDecision),
              kpis?.averageDaysToDecision != null ? d('units.days') : undefined,
            )}
            {inner(
              'averageDaysToCompletion',
              days(kpis?.averageDaysToCompletion),
              kpis?.averageDaysToCompletion != null ? d('units.days') : undefined,
            )}
          </Row>
        </Card>
      </Col>
    </Row>
  );
}
