import type { Db } from '@linli/db';
import { countMeetings } from '@linli/meetings';
import { resolutionFigures } from '@linli/resolutions';
import type { DeliberationKpis } from './contract.ts';
import { type KpiPeriod, KpiRepository } from './kpi.repository.ts';

/** Today in Shanghai, as YYYY-MM-DD. */
const shanghaiToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The deliberation KPIs of a place and period: meetings held as the meetings module counts them;
 * completion and satisfaction of the resolutions as the resolutions module counts them (percent,
 * turned into fractions here) — from the pool's own adopted and evaluated topics when no resolution
 * was decided in the period; topics collected, admitted, excluded, decided, resolved and the days
 * from topic to decision from the pool. `sources` says where each of the three came from.
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
  const figures = await resolutionFigures(db, scope, { nodeId, from: period.from ?? '2000-01-01', to: period.to ?? shanghaiToday(now) });
  const fromResolutions = figures.resolutions > 0;
  const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 10) / 1000);
  return {
    ...own,
    meetings: meetings.total,
    completionRate: fromResolutions ? fraction(figures.completionRate) : own.completionRate,
    satisfactionRate: fromResolutions && figures.satisfactionRate !== null ? fraction(figures.satisfactionRate) : own.satisfactionRate,
    sources: {
      meetings: 'meetings',
      completion: fromResolutions ? 'resolutions' : 'deliberation',
      satisfaction: fromResolutions && figures.satisfactionRate !== null ? 'resolutions' : 'deliberation',
    },
  };
}
