import { defaultParameters, type ScenarioCompound, type ScenarioParameters } from './contract.ts';
import { scenarioTotals, storedClusters, toPlanCompound } from './plan-inputs.ts';
import { type ClusterPlan, clusterFigures, distanceKm, totalsOf } from './planner.ts';

/**
 * A plan of exactly `count` clusters over the compounds, built without the solver (the demo loads in
 * seconds, not a 20-second solve): anchors spread by farthest-point sampling from the named compounds
 * first, every compound joining its nearest anchor; the figures are the planner's own (clusterFigures).
 * The parameters returned make the plan admissible (reach, household and size bounds cover it).
 * The first clusters take the given names; the others are named after their anchors.
 */
export function demoPlan(
  compounds: ScenarioCompound[],
  count: number,
  names: readonly string[],
): { plan: ClusterPlan; parameters: ScenarioParameters; clusters: ReturnType<typeof storedClusters> } {
  const located = compounds.filter((c) => c.lat !== null && c.lng !== null).sort((a, b) => a.compoundId.localeCompare(b.compoundId));
  const k = Math.min(count, located.length);
  const anchors: ScenarioCompound[] = [];
  for (const name of names.slice(0, k)) {
    const named = located.find((c) => c.name === name && !anchors.includes(c));
    if (named) anchors.push(named);
  }
  const at = (c: ScenarioCompound) => ({ lat: c.lat as number, lng: c.lng as number });
  // The richest compound (largest floor area) starts the sampling when no name matched.
  if (anchors.length === 0 && located.length > 0) anchors.push([...located].sort((a, b) => b.floorAreaM2 - a.floorAreaM2)[0]!);
  while (anchors.length < k) {
    let best: ScenarioCompound | undefined;
    let far = -1;
    for (const c of located) {
      if (anchors.includes(c)) continue;
      const d = Math.min(...anchors.map((a) => distanceKm(at(a), at(c))));
      if (d > far) {
        far = d;
        best = c;
      }
    }
    anchors.push(best!);
  }
  const members = new Map(anchors.map((a) => [a.compoundId, [a.compoundId]]));
  for (const c of located) {
    if (members.has(c.compoundId)) continue;
    const nearest = anchors.reduce((a, b) => (distanceKm(at(a), at(c)) <= distanceKm(at(b), at(c)) ? a : b));
    members.get(nearest.compoundId)!.push(c.compoundId);
  }
  const byId = new Map(located.map((c) => [c.compoundId, toPlanCompound(c)]));
  const { statuses: _, ...costs } = defaultParameters;
  const planned = anchors.map((a) => clusterFigures(a.compoundId, members.get(a.compoundId)!, byId, costs));
  const plan: ClusterPlan = { status: 'time_limit', gap: 1, seconds: 0, clusters: planned, totals: totalsOf(planned, byId) };
  const parameters: ScenarioParameters = {
    ...defaultParameters,
    statuses: ['poor', 'unmanaged'],
    maxDistanceKm: Math.max(defaultParameters.maxDistanceKm, Math.ceil(Math.max(0, ...planned.map((c) => c.maxDistanceKm)) * 10) / 10),
    minHouseholds: 0,
    maxHouseholds: Math.max(defaultParameters.maxHouseholds, ...planned.map((c) => c.households)),
    maxCompoundsPerCluster: Math.max(defaultParameters.maxCompoundsPerCluster, ...planned.map((c) => c.memberIds.length)),
  };
  const clusters = storedClusters(plan, located).map((c, i) => (i < names.length ? { ...c, name: names[i]! } : c));
  return { plan, parameters, clusters };
}

export { scenarioTotals };
