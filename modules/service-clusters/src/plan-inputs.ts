import type { ScenarioCompound, ScenarioLock, ScenarioParameters, ScenarioTotals } from './contract.ts';
import { type ClusterPlan, distanceKm, type PlanCompound, type PlanParameters, type PlanPin } from './planner.ts';
import type { StoredCluster } from './scenario.repository.ts';

/** Whether a compound of the scenario's inputs is planned: it has coordinates and one of the chosen statuses. */
export function isIncluded(c: ScenarioCompound, p: ScenarioParameters): boolean {
  if (c.lat === null || c.lng === null) return false;
  return p.statuses.length === 0 || (c.status !== null && p.statuses.includes(c.status));
}

/** The planner's view of a compound. */
export function toPlanCompound(c: ScenarioCompound): PlanCompound {
  return {
    id: c.compoundId,
    name: c.name,
    lat: c.lat ?? 0,
    lng: c.lng ?? 0,
    households: c.households,
    areaM2: c.floorAreaM2,
    feePerM2Month: c.feePerM2Month,
    collectionRate: c.collectionRate,
  };
}

/** What the planner is given for a scenario: its included compounds (in id order: the same inputs give the same plan), parameters and locks. */
export function planInput(
  inputs: ScenarioCompound[],
  p: ScenarioParameters,
  locks: ScenarioLock[],
): { compounds: PlanCompound[]; parameters: PlanParameters; pins: PlanPin[] } {
  const compounds = inputs
    .filter((c) => isIncluded(c, p))
    .map(toPlanCompound)
    .sort((a, b) => a.id.localeCompare(b.id));
  const ids = new Set(compounds.map((c) => c.id));
  const { statuses: _, ...parameters } = p;
  const pins = locks
    .filter((l) => ids.has(l.compoundId) && ids.has(l.anchorCompoundId))
    .map((l) => ({ compoundId: l.compoundId, anchorId: l.anchorCompoundId }))
    .sort((a, b) => a.compoundId.localeCompare(b.compoundId));
  return { compounds, parameters, pins };
}

/** The clusters of a plan as stored: named after their anchors (…组团), each member with its distance to the anchor. */
export function storedClusters(plan: ClusterPlan, inputs: ScenarioCompound[]): Omit<StoredCluster, 'id' | 'companyId' | 'serviceMode'>[] {
  const byId = new Map(inputs.map((c) => [c.compoundId, c]));
  const used = new Map<string, number>();
  return plan.clusters.map((c, position) => {
    const anchor = byId.get(c.anchorId)!;
    const base = `${anchor.name}组团`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return {
      position,
      name: n === 1 ? base : `${base}${n}`,
      anchorCompoundId: c.anchorId,
      mode: c.mode,
      households: c.households,
      areaM2: c.areaM2,
      revenue: c.revenue,
      cost: c.cost,
      margin: c.margin,
      subsidy: c.subsidy,
      maxDistanceKm: c.maxDistanceKm,
      members: c.memberIds.map((id) => {
        const m = byId.get(id)!;
        const d = distanceKm({ lat: anchor.lat ?? 0, lng: anchor.lng ?? 0 }, { lat: m.lat ?? 0, lng: m.lng ?? 0 });
        return { compoundId: id, distanceKm: Math.round(d * 1000) / 1000 };
      }),
    };
  });
}

/** The scenario's totals from the plan's. */
export function scenarioTotals(plan: ClusterPlan): ScenarioTotals {
  return {
    ...plan.totals,
    households: plan.clusters.reduce((s, c) => s + c.households, 0),
    compounds: plan.clusters.reduce((s, c) => s + c.memberIds.length, 0),
  };
}
