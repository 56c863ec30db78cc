import type { Db } from '@linli/db';
import { countMeetings } from '@linli/meetings';
import { resolutionFigures, supervisionFigures } from '@linli/resolutions';
import type { DeliberationKpis } from './contract.ts';
import { type KpiPeriod, KpiRepository } from './kpi.repository.ts';

/** Today in Shanghai, as YYYY-MM-DD. */
const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The deliberation KPIs of a place and period: meetings held as the meetings module counts them
 * (by level and month); completion, satisfaction, days to completion and evaluations on time of the
 * resolutions as the resolutions module counts them (percent, turned into fractions here) — from the
 * pool's own adopted and evaluated topics when no resolution was decided in the period; supervision
 * committees, their members, notices and reported ideas from the resolutions module; topics
 * collected, admitted, excluded, decided, resolved, red projects, stations and the days from topic
 * to decision from the pool. `sources` says where the rates came from.
 */
export async function deliberationKpis(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  nodeId: string | undefined,
  period: KpiPeriod,
  now = new Date(),
): Promise<DeliberationKpis> {
  const own = await new KpiRepository(db).kpis(scope.tenantId, scope.paths, nodeId, period);
  const meetings = await countMeetings(db, scope, { nodeId, from: period.from, to: period.to });
  const range = { nodeId, from: period.from ?? '2000-01-01', to: period.to ?? shanghaiToday(now) };
  const figures = await resolutionFigures(db, scope, range);
  const supervision = await supervisionFigures(db, scope, range);
  const fromResolutions = figures.resolutions > 0;
  const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 1000);
  const { byMonth: topicMonths, ...topics } = own;
  const months = new Set([...Object.keys(meetings.byMonth), ...topicMonths.map((m) => m.month)]);
  return {
    ...topics,
    meetings: meetings.total,
    meetingsByLevel: {
      compound: meetings.compound,
      community: meetings.community,
      subdistrict: meetings.subdistrict,
      county: meetings.county,
    },
    completionRate: fromResolutions ? fraction(figures.completionRate) : own.completionRate,
    satisfactionRate: fromResolutions && figures.satisfactionRate !== null ? fraction(figures.satisfactionRate) : own.satisfactionRate,
    averageDaysToCompletion: figures.daysDecisionToCompletion,
    evaluationsOnTime: fraction(figures.evaluationsOnTime),
    supervisionCommittees: supervision.committees,
    supervisionMembers: supervision.members,
    publications: supervision.publications,
    ideasReported: supervision.ideasReported,
    byMonth: [...months].sort().map((month) => {
      const t = topicMonths.find((m) => m.month === month);
      return {
        month,
        meetings: meetings.byMonth[month] ?? 0,
        topicsCollected: t?.topicsCollected ?? 0,
        topicsResolved: t?.topicsResolved ?? 0,
      };
    }),
    sources: {
      meetings: 'meetings',
      completion: fromResolutions ? 'resolutions' : 'deliberation',
      satisfaction: fromResolutions && figures.satisfactionRate !== null ? 'resolutions' : 'deliberation',
    },
  };
}
