import { defaultParameters, type ManagementStatus, type ScenarioCompound, type ScenarioParameters } from './contract.ts';
import { isIncluded, planInput, scenarioTotals, storedClusters, toPlanCompound } from './plan-inputs.ts';
import { type ClusterPlan, clusterFigures, distanceKm, planClusters } from './planner.ts';

/**
 * 高密市's cost assumptions for its demo plan (yuan per month): one property worker per 10,000 m² at
 * 2,600 yuan (a county-town wage, above Shandong's minimum), 0.15 yuan per m² for cleaning, greening
 * and the common parts' utilities, 6,000 yuan a cluster for its manager and office. With the county's
 * own fee standards (0.3–1.2 yuan per m², collected at 40–98 %) the well-run compounds earn more than
 * they cost and the poorly run and unmanaged ones less, so combining them (肥瘦搭配) pays.
 */
export const demoCosts = { staffPer10kM2: 1, monthlyWage: 2600, otherCostPerM2Month: 0.15, sharedCostPerClusterMonth: 6000 };

/** The compounds a demo plan groups: the well-run ones carry the poorly run and unmanaged (self-managed ones keep managing themselves). */
export const demoStatuses: ManagementStatus[] = ['well', 'poor', 'unmanaged'];

/** The parameters of the demo plan: the county's defaults for reach, households and size, 高密市's costs, exactly `count` clusters. */
export function demoParameters(count: number): ScenarioParameters {
  return { ...defaultParameters, ...demoCosts, statuses: demoStatuses, clusterCount: count, timeLimitSeconds: 60 };
}

/**
 * The place of the demo plan: of the places whose planned compounds `count` clusters of at most
 * `maxCompoundsPerCluster` can hold (and that have at least `count`), the one with the fewest — the
 * first phase of the reform, where `count` cluster projects serve every compound that needs one.
 * Undefined when no place fits.
 */
export function demoPlace<T extends { name: string; planned: number }>(places: T[], count: number): T | undefined {
  const fits = places.filter((p) => p.planned >= count && p.planned <= count * defaultParameters.maxCompoundsPerCluster);
  return fits.sort((a, b) => a.planned - b.planned || a.name.localeCompare(b.name))[0];
}

/**
 * The demo's plan, solved by the planner (not built by hand): the compounds of `demoStatuses` with
 * coordinates, `demoParameters(count)`, no locks. The first clusters take the given names (the seed
 * text's 万顺城, 岭南花园); the others are named after their anchors. The plan's subsidy is the
 * planner's: what its clusters' costs exceed their revenue by, as `clusterFigures` computes it.
 */
export async function demoPlan(
  compounds: ScenarioCompound[],
  count: number,
  names: readonly string[],
): Promise<{ plan: ClusterPlan; parameters: ScenarioParameters; clusters: ReturnType<typeof storedClusters> }> {
  const parameters = demoParameters(count);
  const input = planInput(compounds, parameters, []);
  const plan = await planClusters(input.compounds, input.parameters);
  const clusters = storedClusters(plan, compounds).map((c, i) => (i < names.length ? { ...c, name: names[i]! } : c));
  return { plan, parameters, clusters };
}

/**
 * What is wrong with a plan, checked against the planner's constraints and the compounds' economics
 * (empty when nothing): every planned compound in exactly one cluster and no other; the number of
 * clusters when the parameters fix it; each cluster's size, reach from its anchor and households
 * (a compound bigger than the maximum may stand alone; one with no planned compound in reach is not
 * held to the minimum); its revenue, cost, margin and subsidy as clusterFigures gives them; the totals.
 */
export function planProblems(plan: ClusterPlan, compounds: ScenarioCompound[], p: ScenarioParameters): string[] {
  const problems: string[] = [];
  const planned = compounds.filter((c) => isIncluded(c, p));
  const byId = new Map(planned.map((c) => [c.compoundId, toPlanCompound(c)]));
  const { statuses: _, ...costs } = p;
  const seen = new Map<string, number>();
  for (const c of plan.clusters) for (const id of c.memberIds) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const c of planned) if (seen.get(c.compoundId) !== 1) problems.push(`${c.name}: in ${seen.get(c.compoundId) ?? 0} clusters`);
  for (const id of seen.keys()) if (!byId.has(id)) problems.push(`${id}: planned but not one of the planned compounds`);
  if (p.clusterCount !== undefined && plan.clusters.length !== p.clusterCount) {
    problems.push(`${plan.clusters.length} clusters, not ${p.clusterCount}`);
  }
  const close = (a: number, b: number) => Math.abs(a - b) < 0.01;
  for (const c of plan.clusters) {
    const anchor = byId.get(c.anchorId);
    if (!anchor || !c.memberIds.includes(c.anchorId)) {
      problems.push(`cluster of ${c.anchorId}: the anchor is not a member`);
      continue;
    }
    if (!c.memberIds.every((id) => byId.has(id))) continue;
    const label = `cluster of ${anchor.name}`;
    if (c.memberIds.length > p.maxCompoundsPerCluster)
      problems.push(`${label}: ${c.memberIds.length} compounds > ${p.maxCompoundsPerCluster}`);
    for (const id of c.memberIds) {
      const d = distanceKm(anchor, byId.get(id)!);
      if (d > p.maxDistanceKm + 1e-9) problems.push(`${label}: ${byId.get(id)!.name} ${d.toFixed(3)} km away > ${p.maxDistanceKm}`);
    }
    const figures = clusterFigures(c.anchorId, c.memberIds, byId, costs);
    if (figures.households > Math.max(p.maxHouseholds, anchor.households))
      problems.push(`${label}: ${figures.households} households > ${p.maxHouseholds}`);
    const inReach = planned.some((o) => o.compoundId !== c.anchorId && distanceKm(anchor, byId.get(o.compoundId)!) <= p.maxDistanceKm);
    if (figures.households < p.minHouseholds && inReach) problems.push(`${label}: ${figures.households} households < ${p.minHouseholds}`);
    for (const k of ['households', 'revenue', 'cost', 'margin', 'subsidy'] as const) {
      if (!close(figures[k], c[k])) problems.push(`${label}: ${k} ${c[k]}, its members give ${figures[k]}`);
    }
  }
  const subsidy = plan.clusters.reduce((s, c) => s + c.subsidy, 0);
  if (!close(plan.totals.subsidy, subsidy)) problems.push(`total subsidy ${plan.totals.subsidy}, its clusters need ${subsidy}`);
  if (plan.totals.viable !== plan.clusters.filter((c) => c.subsidy === 0).length) problems.push('viable clusters miscounted');
  return problems;
}

export { scenarioTotals };
