import type { Db } from '@linli/db';
import type { ScenarioCluster, ScenarioDetail } from './contract.ts';
import { isIncluded, toPlanCompound } from './plan-inputs.ts';
import { compoundEconomics } from './planner.ts';
import { type ScenarioRecord, ScenarioRepository } from './scenario.repository.ts';

const round = (n: number) => Math.round(n * 100) / 100;

/** A scenario as the detail page shows it: parameters, compounds with their economics, clusters with members, locks. */
export async function scenarioDetail(db: Db, tenantId: string, scenario: ScenarioRecord): Promise<ScenarioDetail> {
  const scenarios = new ScenarioRepository(db);
  const [stored, locks] = await Promise.all([scenarios.clustersOf(tenantId, scenario.id), scenarios.locksOf(tenantId, scenario.id)]);
  const { nodePath: _, inputs, ...summary } = scenario;
  const { statuses: __, ...costs } = scenario.parameters;
  const compounds = inputs.map((c) => {
    const e = compoundEconomics(toPlanCompound(c), costs);
    return { ...c, included: isIncluded(c, scenario.parameters), revenue: round(e.revenue), cost: round(e.cost) };
  });
  const byId = new Map(compounds.map((c) => [c.compoundId, c]));
  const locked = new Set(locks.map((l) => l.compoundId));
  const clusters: ScenarioCluster[] = stored.map((c) => ({
    ...c,
    anchorName: byId.get(c.anchorCompoundId)?.name ?? '',
    members: c.members.map((m) => {
      const x = byId.get(m.compoundId);
      return {
        compoundId: m.compoundId,
        name: x?.name ?? '',
        communityName: x?.communityName ?? '',
        households: x?.households ?? 0,
        revenue: x?.revenue ?? 0,
        cost: x?.cost ?? 0,
        distanceKm: m.distanceKm,
        status: x?.status ?? null,
        locked: locked.has(m.compoundId),
      };
    }),
  }));
  const elapsedSeconds =
    scenario.status === 'solving' && scenario.solveStartedAt
      ? Math.max(0, Math.round((Date.now() - Date.parse(scenario.solveStartedAt)) / 100) / 10)
      : null;
  return { ...summary, compounds, clusters, locks, elapsedSeconds };
}
