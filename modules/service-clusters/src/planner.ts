import loadHighs from 'highs';

/**
 * The cluster planner (组团 / 肥瘦搭配): groups a county's compounds into service clusters, each served
 * by one property company from its anchor compound, so that the profitable compounds carry the
 * unprofitable ones. Pure: the numbers in, the plan out; the scenarios that keep inputs and plans are
 * the module's records.
 *
 * The model, a capacitated facility-location MIP solved by HiGHS (the `highs` package: HiGHS
 * compiled to WebAssembly, no native add-on; chosen over hand-written heuristics because it proves
 * optimality or states its gap):
 * - y_j = 1 when compound j anchors a cluster; x_ij = 1 when compound i joins j's cluster, only for
 *   i within `maxDistanceKm` of j (compact clusters); every compound in exactly one cluster; an
 *   anchor belongs to its own cluster.
 * - households of a cluster within [minHouseholds, maxHouseholds] (a compound that alone exceeds the
 *   maximum may stand alone; one with no neighbour in reach is not held to the minimum);
 *   at most `maxCompoundsPerCluster`; exactly `clusterCount` clusters when it is given.
 * - subsidy s_j ≥ cost − revenue of the cluster, s_j ≥ 0: monthly revenue = area × fee × collection
 *   rate; monthly cost = staff (area / 10,000 m² × staffPer10kM2 × monthlyWage) + area × otherCostPerM2
 *   + the cluster's shared cost (manager, office) once per cluster — what merging saves.
 * - minimise subsidy first, then the members' distance to their anchor (weighted so that one yuan of
 *   subsidy outweighs any possible total of distance).
 * - pins: a compound pinned to an anchor stays in its cluster (a hand-made lock kept on re-solving).
 * The subsidy's max(0, …) per cluster makes the relaxation of this model weak (a rich compound can be
 * spread fractionally over poor clusters), so branch-and-bound alone closes the gap slowly. The
 * planner therefore first solves a set-partitioning MIP over candidate clusters built around every
 * anchor (its nearest neighbours, the poor ones a rich anchor can carry, the rich ones a poor anchor
 * needs — each prefix a candidate, within the bounds), which HiGHS solves exactly in moments, and hands
 * that plan to the full model as its starting incumbent for the rest of the time. A plan not proved
 * optimal for the full model within `timeLimitSeconds` is returned as the best found with its gap.
 */

export interface PlanCompound {
  id: string;
  name: string;
  lat: number;
  lng: number;
  households: number;
  areaM2: number;
  /** Property fee standard, yuan per m² and month. */
  feePerM2Month: number;
  /** Share of fees collected, 0–1. */
  collectionRate: number;
}

export interface PlanParameters {
  /** Property staff needed per 10,000 m² of floor area. */
  staffPer10kM2: number;
  /** Monthly wage of one staff member, yuan. */
  monthlyWage: number;
  /** Other running costs per m² and month (cleaning, greening, utilities of common parts), yuan. */
  otherCostPerM2Month: number;
  /** Costs a cluster carries once (project manager, office, vehicles), yuan per month. */
  sharedCostPerClusterMonth: number;
  /** The farthest a member may be from its cluster's anchor, km. */
  maxDistanceKm: number;
  minHouseholds: number;
  maxHouseholds: number;
  maxCompoundsPerCluster: number;
  /** Exactly this many clusters (the cluster projects the county can staff); absent: as many as the objective wants. */
  clusterCount?: number | undefined;
  timeLimitSeconds: number;
}

export interface PlanPin {
  compoundId: string;
  anchorId: string;
}

export type ClusterMode = 'single' | 'one_to_one' | 'one_to_many';

export interface PlannedCluster {
  anchorId: string;
  memberIds: string[];
  mode: ClusterMode;
  households: number;
  areaM2: number;
  /** Yuan per month. */
  revenue: number;
  cost: number;
  margin: number;
  subsidy: number;
  /** The farthest member from the anchor, km. */
  maxDistanceKm: number;
}

export interface ClusterPlan {
  /** optimal: proved; time_limit: the best found when time ran out, `gap` says how far from proved. */
  status: 'optimal' | 'time_limit';
  /** Relative gap between the plan and the best bound (0 when optimal). */
  gap: number;
  seconds: number;
  clusters: PlannedCluster[];
  totals: { clusters: number; viable: number; subsidy: number; revenue: number; cost: number; distanceKm: number };
}

/** Why no plan came out: the constraints admit none, or the time ran out before a first plan. */
export class PlanNotFound extends Error {
  constructor(readonly reason: 'infeasible' | 'time_limit') {
    super(reason === 'infeasible' ? 'no grouping satisfies the constraints' : 'no plan found within the time limit');
  }
}

const EARTH_KM = 6371;
/** Great-circle distance, km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A compound's monthly revenue and its own cost (without the cluster's shared cost), yuan. */
export function compoundEconomics(c: PlanCompound, p: PlanParameters): { revenue: number; cost: number } {
  const revenue = c.areaM2 * c.feePerM2Month * c.collectionRate;
  const cost = (c.areaM2 / 10_000) * p.staffPer10kM2 * p.monthlyWage + c.areaM2 * p.otherCostPerM2Month;
  return { revenue, cost };
}

/** What a cluster of these members anchored at `anchorId` earns and costs (also for checking a plan). */
export function clusterFigures(anchorId: string, memberIds: string[], byId: Map<string, PlanCompound>, p: PlanParameters): PlannedCluster {
  const anchor = byId.get(anchorId)!;
  let revenue = 0;
  let cost = p.sharedCostPerClusterMonth;
  let households = 0;
  let areaM2 = 0;
  let far = 0;
  for (const id of memberIds) {
    const c = byId.get(id)!;
    const e = compoundEconomics(c, p);
    revenue += e.revenue;
    cost += e.cost;
    households += c.households;
    areaM2 += c.areaM2;
    far = Math.max(far, distanceKm(anchor, c));
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    anchorId,
    memberIds,
    mode: memberIds.length === 1 ? 'single' : memberIds.length === 2 ? 'one_to_one' : 'one_to_many',
    households,
    areaM2: round(areaM2),
    revenue: round(revenue),
    cost: round(cost),
    margin: round(revenue - cost),
    subsidy: round(Math.max(0, cost - revenue)),
    maxDistanceKm: Math.round(far * 1000) / 1000,
  };
}

let loaded: ReturnType<typeof loadHighs> | undefined;
/** HiGHS, loaded once per process (the WebAssembly module is a few MB). */
const solver = () => {
  loaded ??= loadHighs();
  return loaded;
};

/** Numbers in LP text: finite, without exponent notation. */
const num = (n: number) => {
  const s = (Math.round(n * 1e6) / 1e6).toString();
  return s.includes('e') ? n.toFixed(6) : s;
};

/** ` + 3 x` / ` - 3 x`: a signed term of an LP row. */
const term = (coefficient: number, variable: string) =>
  coefficient < 0 ? ` - ${num(-coefficient)} ${variable}` : ` + ${num(coefficient)} ${variable}`;

/** Plans the clusters; throws PlanNotFound when no plan exists or none was found in time. */
export async function planClusters(compounds: PlanCompound[], p: PlanParameters, pins: PlanPin[] = []): Promise<ClusterPlan> {
  const started = performance.now();
  const n = compounds.length;
  if (n === 0) return { status: 'optimal', gap: 0, seconds: 0, clusters: [], totals: emptyTotals() };
  const byId = new Map(compounds.map((c) => [c.id, c]));
  const index = new Map(compounds.map((c, i) => [c.id, i]));
  const net = compounds.map((c) => {
    const e = compoundEconomics(c, p);
    return e.revenue - e.cost;
  });
  // Candidate memberships: i may join j's cluster when within reach (and pinned pairs always).
  const reach: number[][] = compounds.map(() => []);
  const dist = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = distanceKm(compounds[i]!, compounds[j]!);
      if (d <= p.maxDistanceKm) {
        reach[i]!.push(j);
        dist.set(`${i}_${j}`, d);
      }
    }
  }
  const pinned = new Map<number, number>();
  for (const pin of pins) {
    const i = index.get(pin.compoundId);
    const j = index.get(pin.anchorId);
    if (i === undefined || j === undefined) continue;
    pinned.set(i, j);
    if (i !== j && !dist.has(`${i}_${j}`)) {
      reach[i]!.push(j);
      dist.set(`${i}_${j}`, distanceKm(compounds[i]!, compounds[j]!));
    }
  }
  const members: number[][] = compounds.map(() => []); // members[j]: the i that may join j
  for (let i = 0; i < n; i++) for (const j of reach[i]!) members[j]!.push(i);

  // One yuan of subsidy outweighs the largest possible total distance.
  const maxTotalDistance = [...dist.values()].reduce((a, b) => Math.max(a, b), 0) * n;
  const weight = Math.max(1, Math.ceil(maxTotalDistance + 1));
  const x = (i: number, j: number) => `x${i}_${j}`;
  const objective: string[] = [];
  for (let j = 0; j < n; j++) objective.push(`${weight} s${j}`);
  for (const [key, d] of dist) objective.push(`${num(d)} x${key}`);

  const rows: string[] = [];
  for (let i = 0; i < n; i++) rows.push(` a${i}: y${i}${reach[i]!.map((j) => ` + ${x(i, j)}`).join('')} = 1`);
  for (let i = 0; i < n; i++) for (const j of reach[i]!) rows.push(` l${i}_${j}: ${x(i, j)} - y${j} <= 0`);
  for (let j = 0; j < n; j++) {
    const h = compounds[j]!.households;
    const joins = members[j]!.map((i) => ` + ${compounds[i]!.households} ${x(i, j)}`).join('');
    // A compound bigger than the maximum may stand alone; one with nobody in reach is not held to the minimum.
    const max = Math.max(p.maxHouseholds, h);
    rows.push(` hx${j}:${term(h - max, `y${j}`)}${joins} <= 0`);
    if (members[j]!.length > 0 && h < p.minHouseholds) rows.push(` hn${j}:${term(h - p.minHouseholds, `y${j}`)}${joins} >= 0`);
    rows.push(
      ` s${j}c: s${j}${term(net[j]! - p.sharedCostPerClusterMonth, `y${j}`)}${members[j]!.map((i) => term(net[i]!, x(i, j))).join('')} >= 0`,
    );
    if (members[j]!.length >= p.maxCompoundsPerCluster) {
      rows.push(` k${j}: ${members[j]!.map((i) => x(i, j)).join(' + ')} - ${p.maxCompoundsPerCluster - 1} y${j} <= 0`);
    }
  }
  for (const [i, j] of pinned) {
    rows.push(i === j ? ` p${i}: y${i} = 1` : ` p${i}: ${x(i, j)} = 1`);
  }
  if (p.clusterCount !== undefined) rows.push(` nk: ${Array.from({ length: n }, (_, j) => `y${j}`).join(' + ')} = ${p.clusterCount}`);
  const binaries = [...Array.from({ length: n }, (_, j) => `y${j}`), ...[...dist.keys()].map((k) => `x${k}`)];
  const lp = [
    'Minimize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...Array.from({ length: n }, (_, j) => ` s${j} >= 0`),
    'Binaries',
    ...chunk(binaries, 20).map((b) => ` ${b.join(' ')}`),
    'End',
  ].join('\n');

  const highs = await solver();
  const codes = highs.constants.modelStatus;
  // A first plan from candidate clusters (exact over them), the incumbent the full model starts from.
  const start = await candidatePlan(compounds, p, reach, pinned, net, dist, weight);
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    const spent = (performance.now() - started) / 1000;
    model.options.set({ output_flag: false, time_limit: Math.max(1, p.timeLimitSeconds - spent), mip_rel_gap: 1e-6 });
    const names = Array.from({ length: model.getDimensions().numCols }, (_, c) => model.getColName(c));
    if (start) {
      const colValue = new Float64Array(names.length);
      names.forEach((name, c) => {
        colValue[c] = start.get(name) ?? 0;
      });
      model.setSolution({ colValue });
    }
    model.run();
    const status = model.getModelStatus();
    if (status === codes.infeasible || status === codes.unboundedOrInfeasible) throw new PlanNotFound('infeasible');
    const solution = model.getSolution();
    const values = new Map<string, number>();
    for (let c = 0; c < solution.colValue.length; c++) values.set(names[c]!, solution.colValue[c]!);
    if (status !== codes.optimal && (solution.colValue.length === 0 || !isAssignment(values, n, reach))) {
      throw new PlanNotFound(status === codes.timeLimit ? 'time_limit' : 'infeasible');
    }
    const clusters: PlannedCluster[] = [];
    for (let j = 0; j < n; j++) {
      if ((values.get(`y${j}`) ?? 0) < 0.5) continue;
      const ids = [compounds[j]!.id, ...members[j]!.filter((i) => (values.get(x(i, j)) ?? 0) > 0.5).map((i) => compounds[i]!.id)];
      clusters.push(clusterFigures(compounds[j]!.id, ids, byId, p));
    }
    clusters.sort((a, b) => b.subsidy - a.subsidy || b.households - a.households);
    const gap = status === codes.optimal ? 0 : Number(model.info.get('mip_gap') ?? 1);
    return {
      status: status === codes.optimal ? 'optimal' : 'time_limit',
      gap: Number.isFinite(gap) ? Math.round(gap * 10_000) / 10_000 : 1,
      seconds: Math.round(performance.now() - started) / 1000,
      clusters,
      totals: totalsOf(clusters, byId),
    };
  } finally {
    model.dispose();
  }
}

/** A cluster as a set of compound indices around an anchor, with its objective value. */
interface Candidate {
  anchor: number;
  members: number[];
  value: number;
}

/**
 * The best partition of the compounds into candidate clusters (set partitioning, exact over the
 * candidates), as values of the full model's columns; undefined when the candidates admit none.
 */
async function candidatePlan(
  compounds: PlanCompound[],
  p: PlanParameters,
  reach: number[][],
  pinned: Map<number, number>,
  net: number[],
  dist: Map<string, number>,
  weight: number,
): Promise<Map<string, number> | undefined> {
  const n = compounds.length;
  const households = compounds.map((c) => c.households);
  const members: number[][] = compounds.map(() => []);
  for (let i = 0; i < n; i++) for (const j of reach[i]!) members[j]!.push(i);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const add = (anchor: number, list: number[]) => {
    const key = `${anchor}:${[...list].sort((a, b) => a - b).join(',')}`;
    if (seen.has(key)) return;
    const h = list.reduce((sum, i) => sum + households[i]!, households[anchor]!);
    const alone = list.length === 0;
    if (!alone && (h < p.minHouseholds || h > p.maxHouseholds || list.length + 1 > p.maxCompoundsPerCluster)) return;
    if (alone && members[anchor]!.length > 0 && h < p.minHouseholds) return;
    // Pins: a pinned compound only in its anchor's clusters; a pinned anchor anchors.
    for (const i of list) if (pinned.has(i) && pinned.get(i) !== anchor) return;
    if (pinned.has(anchor) && pinned.get(anchor) !== anchor) return;
    seen.add(key);
    const margin = list.reduce((sum, i) => sum + net[i]!, net[anchor]! - p.sharedCostPerClusterMonth);
    const distance = list.reduce((sum, i) => sum + (dist.get(`${i}_${anchor}`) ?? 0), 0);
    candidates.push({ anchor, members: list, value: weight * Math.max(0, -margin) + distance });
  };
  const byDistance = (j: number) => [...members[j]!].sort((a, b) => (dist.get(`${a}_${j}`) ?? 0) - (dist.get(`${b}_${j}`) ?? 0));
  for (let j = 0; j < n; j++) {
    add(j, []);
    const near = byDistance(j);
    const poorNear = near.filter((i) => net[i]! < 0);
    const richNear = [...near].sort((a, b) => net[b]! - net[a]!);
    const pinnedHere = near.filter((i) => pinned.get(i) === j);
    for (const order of [near, poorNear, richNear]) {
      const list = [...pinnedHere];
      for (const i of order) {
        if (list.includes(i)) continue;
        if (list.length + 1 >= p.maxCompoundsPerCluster) break;
        list.push(i);
        add(j, [...list]);
      }
      if (pinnedHere.length) add(j, [...pinnedHere]);
    }
    // Each pair with a neighbour: the 一托一 of every anchor.
    for (const i of near) add(j, pinnedHere.includes(i) ? [...pinnedHere] : [...pinnedHere, i]);
  }
  // A greedy partition first: a plan to fall back on, and HiGHS's first incumbent (a short time limit
  // on a loaded machine may end the search before HiGHS finds one of its own).
  const greedy = greedyPartition(candidates, n, households, p, reach, pinned, (anchor, list) => {
    const margin = list.reduce((sum, i) => sum + net[i]!, net[anchor]! - p.sharedCostPerClusterMonth);
    const distance = list.reduce((sum, i) => sum + (dist.get(`${i}_${anchor}`) ?? 0), 0);
    candidates.push({ anchor, members: list, value: weight * Math.max(0, -margin) + distance });
    return candidates.length - 1;
  });
  const columnsOf = (picked: Candidate[]) => {
    const chosen = new Map<string, number>();
    for (const cand of picked) {
      chosen.set(`y${cand.anchor}`, 1);
      for (const i of cand.members) chosen.set(`x${i}_${cand.anchor}`, 1);
      const margin = cand.members.reduce((sum, i) => sum + net[i]!, net[cand.anchor]! - p.sharedCostPerClusterMonth);
      chosen.set(`s${cand.anchor}`, Math.max(0, -margin));
    }
    return isAssignment(chosen, n, reach) ? chosen : undefined;
  };
  const fallback =
    greedy && (p.clusterCount === undefined || greedy.length === p.clusterCount) ? columnsOf(greedy.map((k) => candidates[k]!)) : undefined;
  const highs = await solver();
  const lp = [
    'Minimize',
    ` obj: ${candidates.map((c, k) => `${num(c.value)} z${k}`).join(' + ')}`,
    'Subject To',
    ...compounds.map((_, i) => {
      const covering = candidates.flatMap((c, k) => (c.anchor === i || c.members.includes(i) ? [`z${k}`] : []));
      return covering.length ? ` c${i}: ${covering.join(' + ')} = 1` : ` c${i}: 0 z0 = 1`;
    }),
    ...(p.clusterCount === undefined ? [] : [` nk: ${candidates.map((_, k) => `z${k}`).join(' + ')} = ${p.clusterCount}`]),
    'Binaries',
    ...chunk(
      candidates.map((_, k) => `z${k}`),
      20,
    ).map((b) => ` ${b.join(' ')}`),
    'End',
  ].join('\n');
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ output_flag: false, time_limit: Math.max(1, p.timeLimitSeconds * 0.4), mip_rel_gap: 1e-6 });
    if (greedy && (p.clusterCount === undefined || greedy.length === p.clusterCount)) {
      const picked = new Set(greedy);
      const colValue = new Float64Array(model.getDimensions().numCols);
      for (let c = 0; c < colValue.length; c++) colValue[c] = picked.has(Number(model.getColName(c).slice(1))) ? 1 : 0;
      model.setSolution({ colValue });
    }
    model.run();
    const solution = model.getSolution();
    if (solution.colValue.length === 0) return fallback;
    const picked: Candidate[] = [];
    for (let c = 0; c < solution.colValue.length; c++) {
      if (solution.colValue[c]! >= 0.5) picked.push(candidates[Number(model.getColName(c).slice(1))]!);
    }
    return columnsOf(picked) ?? fallback;
  } finally {
    model.dispose();
  }
}

/**
 * A partition of the compounds into candidate clusters, greedily: the cheapest candidates per compound
 * first while they do not overlap, then each compound left over joins a chosen cluster whose anchor is
 * within its reach and has room (`extend` adds such a grown cluster as a candidate and returns its index).
 * The candidates' indices, or undefined when a compound finds no place.
 */
function greedyPartition(
  candidates: Candidate[],
  n: number,
  households: number[],
  p: PlanParameters,
  reach: number[][],
  pinned: Map<number, number>,
  extend: (anchor: number, members: number[]) => number,
): number[] | undefined {
  const order = candidates
    .map((_, k) => k)
    .sort((a, b) => {
      const ca = candidates[a]!;
      const cb = candidates[b]!;
      return ca.value / (ca.members.length + 1) - cb.value / (cb.members.length + 1) || a - b;
    });
  const taken = new Array<boolean>(n).fill(false);
  const chosen: { anchor: number; members: number[]; index: number; grown: boolean }[] = [];
  for (const k of order) {
    const c = candidates[k]!;
    if (taken[c.anchor] || c.members.some((i) => taken[i])) continue;
    taken[c.anchor] = true;
    for (const i of c.members) taken[i] = true;
    chosen.push({ anchor: c.anchor, members: [...c.members], index: k, grown: false });
  }
  const byAnchor = new Map(chosen.map((c) => [c.anchor, c]));
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue;
    const options = pinned.has(i) ? [pinned.get(i)!] : reach[i]!;
    const home = options
      .map((j) => byAnchor.get(j))
      .find(
        (c) =>
          c !== undefined &&
          c.members.length + 2 <= p.maxCompoundsPerCluster &&
          c.members.reduce((sum, m) => sum + households[m]!, households[c.anchor]! + households[i]!) <=
            Math.max(p.maxHouseholds, households[c.anchor]!),
      );
    if (!home) return undefined;
    home.members.push(i);
    home.grown = true;
    taken[i] = true;
  }
  return chosen.map((c) => (c.grown ? extend(c.anchor, c.members) : c.index));
}

function isAssignment(values: Map<string, number>, n: number, reach: number[][]): boolean {
  for (let i = 0; i < n; i++) {
    let sum = values.get(`y${i}`) ?? 0;
    for (const j of reach[i]!) sum += values.get(`x${i}_${j}`) ?? 0;
    if (Math.abs(sum - 1) > 1e-6) return false;
  }
  return true;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function emptyTotals(): ClusterPlan['totals'] {
  return { clusters: 0, viable: 0, subsidy: 0, revenue: 0, cost: 0, distanceKm: 0 };
}

/** The plan's totals: clusters, how many pay their way, subsidy, revenue, cost and members' distance to anchors. */
export function totalsOf(clusters: PlannedCluster[], byId: Map<string, PlanCompound>): ClusterPlan['totals'] {
  const round = (v: number) => Math.round(v * 100) / 100;
  let distance = 0;
  for (const c of clusters) {
    const anchor = byId.get(c.anchorId)!;
    for (const id of c.memberIds) distance += distanceKm(anchor, byId.get(id)!);
  }
  return {
    clusters: clusters.length,
    viable: clusters.filter((c) => c.subsidy === 0).length,
    subsidy: round(clusters.reduce((s, c) => s + c.subsidy, 0)),
    revenue: round(clusters.reduce((s, c) => s + c.revenue, 0)),
    cost: round(clusters.reduce((s, c) => s + c.cost, 0)),
    distanceKm: Math.round(distance * 1000) / 1000,
  };
}
