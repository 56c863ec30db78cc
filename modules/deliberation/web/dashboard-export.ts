import type { DeliberationKpis } from '@linli/deliberation/contract';
import { topicStatuses } from '@linli/deliberation/vocabulary';
import { dashboardText, monthsOf } from './dashboard-links.ts';
import { topicLabel } from './topic-labels.ts';
import { type Cell, type Sheet, saveXlsx } from './xlsx.ts';

const rate = (v: number | null): Cell => (v === null ? null : { percent: v });

/** The dashboard's figures as workbook sheets: the figures, by month, by level and by state. */
export function dashboardSheets(kpis: DeliberationKpis, filters: { placeName: string; from: string; to: string }): Sheet[] {
  const d = dashboardText;
  const source = (s: string) => d(`sources.${s}`);
  const figures: [string, Cell, string?][] = [
    [d('place'), filters.placeName],
    [d('period'), `${filters.from} ~ ${filters.to}`],
    [d('meetings'), kpis.meetings, source(kpis.sources.meetings)],
    [d('topicsCollected'), kpis.topicsCollected, source('deliberation')],
    [d('topicsAdmitted'), kpis.topicsAdmitted, source('deliberation')],
    [d('topicsExcluded'), kpis.topicsExcluded, source('deliberation')],
    [d('topicsDeliberated'), kpis.topicsDeliberated, source('deliberation')],
    [d('topicsDecided'), kpis.topicsDecided, source('deliberation')],
    [d('topicsResolved'), kpis.topicsResolved, source('deliberation')],
    [d('redProjects'), kpis.redProjects, source('deliberation')],
    [d('completionRate'), rate(kpis.completionRate), source(kpis.sources.completion)],
    [d('satisfactionRate'), rate(kpis.satisfactionRate), source(kpis.sources.satisfaction)],
    [d('evaluationsOnTime'), rate(kpis.evaluationsOnTime), source('resolutions')],
    [`${d('averageDaysToDecision')}（${d('units.days')}）`, kpis.averageDaysToDecision, source('deliberation')],
    [`${d('averageDaysToCompletion')}（${d('units.days')}）`, kpis.averageDaysToCompletion, source('resolutions')],
    [d('stations'), kpis.stations, source('stations')],
    [d('supervisionCommittees'), kpis.supervisionCommittees, source('resolutions')],
    [d('supervisionMembers'), kpis.supervisionMembers, source('resolutions')],
    [d('publications'), kpis.publications, source('resolutions')],
    [d('ideasReported'), kpis.ideasReported, source('resolutions')],
  ];
  const levels = ['compound', 'community', 'subdistrict', 'county'] as const;
  return [
    {
      name: d('sheets.figures'),
      header: [d('figure'), d('value'), d('source')],
      widths: [28, 16, 16],
      rows: figures.map(([name, value, from]) => [name, value, from ?? null]),
    },
    {
      name: d('sheets.byMonth'),
      header: [d('month'), d('meetings'), d('topicsCollected'), d('topicsResolved')],
      rows: monthsOf(filters.from, filters.to, kpis.byMonth).map((m) => [m.month, m.meetings, m.topicsCollected, m.topicsResolved]),
    },
    {
      name: d('sheets.byLevel'),
      header: [d('level'), d('meetings'), d('topicsCollected')],
      rows: levels.map((l) => [d(`levels.${l}`), kpis.meetingsByLevel[l], l === 'county' ? null : (kpis.byLevel[l] ?? 0)]),
    },
    {
      name: d('sheets.byStatus'),
      header: [d('status'), d('topics')],
      rows: topicStatuses.filter((s) => s in kpis.byStatus).map((s) => [topicLabel('statuses', s), kpis.byStatus[s] ?? 0]),
    },
  ];
}

/** Downloads the figures as 议事协商数据-<place>-<from>-<to>.xlsx. */
export function exportDashboard(kpis: DeliberationKpis, filters: { placeName: string; from: string; to: string }): void {
  const name = `${dashboardText('fileName')}-${filters.placeName}-${filters.from}-${filters.to}.xlsx`.replace(/[\\/:*?"<>|]/g, '_');
  saveXlsx(dashboardSheets(kpis, filters), name);
}
