import { kmeans } from 'ml-kmeans';
import { PCA } from 'ml-pca';
import {
  type ConsensusStatement,
  consensusStatements,
  type GroupCounts,
  type RepresentativeStatement,
  representativeStatements,
  type VoteCounts,
} from './representativeness.ts';

/**
 * The opinion map of one conversation, from its votes alone (pure: no database, no clock).
 *
 * 1. Vote matrix: one row per participant with at least `minVotes` votes, one column per statement;
 *    agree +1, disagree −1, pass and unseen 0 (a pass says "no position", like not having seen it).
 * 2. PCA (ml-pca, SVD of the column-centred matrix) to two components; each row's projection is then
 *    multiplied by √(statements / statements voted), Pol.is's correction that keeps participants who
 *    voted on few statements from being pulled to the centre by their zeros.
 * 3. k-means (ml-kmeans, k-means++ with fixed seeds, best of several restarts by inertia) on the map
 *    for k = 2…5, k chosen by the mean silhouette; a new k replaces the previous one only after it has
 *    won `switchAfter` computations in a row (Pol.is's smoothing), so the groups do not flicker.
 * 4. Groups ordered by size (then position) so the same votes always give the same labels, then
 *    representative statements per group and group-informed consensus (representativeness.ts).
 */

export type VoteValue = 1 | -1 | 0;

export interface AnalysisVote {
  participantId: string;
  statementId: string;
  /** 1 agree, −1 disagree, 0 pass. */
  value: VoteValue;
}

/** The k kept between computations, and a challenger that must win several times in a row. */
export interface KState {
  k: number;
  challenger: number | null;
  streak: number;
}

export interface AnalysisOptions {
  /** Votes (agree, disagree or pass) a participant needs to be placed on the map. */
  minVotes: number;
  /** Participants needed before any map is drawn. */
  minParticipants: number;
  /** Smallest and largest number of groups tried. */
  minK: number;
  maxK: number;
  /** Restarts of k-means per k (seeds 1…restarts). */
  restarts: number;
  /** Computations in a row a new k must win before it replaces the kept one. */
  switchAfter: number;
  /** Representative statements listed per group. */
  representativePerGroup: number;
  /** Share (smoothed) every group must reach for a consensus statement. */
  consensusShare: number;
}

export const defaultAnalysisOptions: AnalysisOptions = {
  minVotes: 7,
  minParticipants: 10,
  minK: 2,
  maxK: 5,
  restarts: 8,
  switchAfter: 3,
  representativePerGroup: 5,
  consensusShare: 0.6,
};

export interface MapPoint {
  participantId: string;
  x: number;
  y: number;
  group: number;
}

export interface MapGroup {
  /** 0-based, largest group first. */
  index: number;
  size: number;
  centroid: [number, number];
  representative: RepresentativeStatement[];
}

export type AnalysisResult =
  | {
      status: 'insufficient';
      /** Participants with enough votes, and how many are needed. */
      eligibleParticipants: number;
      neededParticipants: number;
      minVotes: number;
      statementCount: number;
    }
  | {
      status: 'ready';
      eligibleParticipants: number;
      neededParticipants: number;
      minVotes: number;
      statementCount: number;
      k: number;
      /** The k the silhouette preferred this time (may differ from k while it proves itself). */
      bestK: number;
      kState: KState;
      silhouette: number;
      /** Mean silhouette per k tried. */
      silhouettes: { k: number; score: number }[];
      explainedVariance: [number, number];
      points: MapPoint[];
      groups: MapGroup[];
      consensus: ConsensusStatement[];
    };

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function analyseOpinions(
  input: { statementIds: string[]; votes: AnalysisVote[]; previous?: KState | null },
  options: Partial<AnalysisOptions> = {},
): AnalysisResult {
  const o = { ...defaultAnalysisOptions, ...options };
  const statementIds = [...new Set(input.statementIds)].sort(byId);
  const column = new Map(statementIds.map((id, i) => [id, i]));
  const rowsById = new Map<string, { values: number[]; voted: number }>();
  for (const v of input.votes) {
    const s = column.get(v.statementId);
    if (s === undefined) continue;
    let row = rowsById.get(v.participantId);
    if (!row) {
      row = { values: new Array(statementIds.length).fill(Number.NaN), voted: 0 };
      rowsById.set(v.participantId, row);
    }
    if (Number.isNaN(row.values[s])) row.voted++;
    row.values[s] = v.value;
  }
  const eligible = [...rowsById.entries()].filter(([, r]) => r.voted >= o.minVotes).sort(([a], [b]) => byId(a, b));
  const base = { eligibleParticipants: eligible.length, neededParticipants: o.minParticipants, minVotes: o.minVotes };
  if (eligible.length < o.minParticipants || statementIds.length < 2) {
    return { status: 'insufficient', ...base, statementCount: statementIds.length };
  }

  const data = eligible.map(([, r]) => r.values.map((v) => (Number.isNaN(v) ? 0 : v)));
  const { coordinates, explained } = project(
    data,
    eligible.map(([, r]) => r.voted),
  );

  const maxK = Math.min(o.maxK, coordinates.length - 1);
  const tried: { k: number; score: number; labels: number[] }[] = [];
  for (let k = o.minK; k <= maxK; k++) {
    const labels = bestKmeans(coordinates, k, o.restarts);
    tried.push({ k, score: silhouette(coordinates, labels, k), labels });
  }
  // Highest silhouette; a tie goes to the smaller k (fewer groups is the simpler story).
  const best = tried.reduce((a, b) => (b.score > a.score + 1e-9 ? b : a));
  const kState = nextKState(input.previous ?? null, best.k, tried, o.switchAfter);
  const chosen = tried.find((t) => t.k === kState.k) ?? best;

  const { labels, centroids } = orderGroups(coordinates, chosen.labels, chosen.k);
  const counts: GroupCounts = centroids.map(() => statementIds.map((): VoteCounts => ({ agree: 0, disagree: 0, seen: 0 })));
  eligible.forEach(([, r], i) => {
    const group = counts[labels[i] as number] as VoteCounts[];
    r.values.forEach((v, s) => {
      if (Number.isNaN(v)) return;
      const c = group[s] as VoteCounts;
      c.seen++;
      if (v === 1) c.agree++;
      else if (v === -1) c.disagree++;
    });
  });
  const representative = representativeStatements(statementIds, counts, o.representativePerGroup);
  return {
    status: 'ready',
    ...base,
    statementCount: statementIds.length,
    k: centroids.length,
    bestK: best.k,
    kState,
    silhouette: round(chosen.score),
    silhouettes: tried.map((t) => ({ k: t.k, score: round(t.score) })),
    explainedVariance: explained,
    points: eligible.map(([participantId], i) => ({
      participantId,
      x: round((coordinates[i] as number[])[0] as number),
      y: round((coordinates[i] as number[])[1] as number),
      group: labels[i] as number,
    })),
    groups: centroids.map((centroid, index) => ({
      index,
      size: labels.filter((l) => l === index).length,
      centroid: [round(centroid[0] as number), round(centroid[1] as number)],
      representative: representative[index] ?? [],
    })),
    consensus: consensusStatements(statementIds, counts, o.consensusShare),
  };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Two PCA components, signs fixed (largest loading positive), rows scaled by √(statements / voted). */
function project(data: number[][], voted: number[]): { coordinates: number[][]; explained: [number, number] } {
  const columns = (data[0] as number[]).length;
  const nonConstant = (data[0] as number[]).some((_, s) => data.some((row) => row[s] !== (data[0] as number[])[s]));
  if (!nonConstant) return { coordinates: data.map(() => [0, 0]), explained: [0, 0] };
  const pca = new PCA(data, { center: true, scale: false, method: 'SVD' });
  const components = Math.min(2, columns, data.length);
  const projected = pca.predict(data, { nComponents: components });
  const vectors = pca.getEigenvectors();
  const variance = pca.getExplainedVariance();
  const coordinates = data.map((_, i) => {
    const scale = Math.sqrt(columns / Math.max(1, voted[i] as number));
    return [0, 1].map((c) => {
      if (c >= components) return 0;
      // SVD leaves each component's sign arbitrary: make its largest loading positive, so the map does
      // not mirror itself between runs or machines.
      const loadings = vectors.getColumn(c);
      const largest = loadings.reduce((a, b) => (Math.abs(b) > Math.abs(a) + 1e-12 ? b : a), 0);
      const sign = largest < 0 ? -1 : 1;
      return sign * projected.get(i, c) * scale;
    });
  });
  return { coordinates, explained: [round(variance[0] ?? 0), round(variance[1] ?? 0)] };
}

/** The k-means partition with the least inertia over `restarts` seeded k-means++ runs. */
function bestKmeans(points: number[][], k: number, restarts: number): number[] {
  let best: { labels: number[]; inertia: number } | null = null;
  for (let seed = 1; seed <= restarts; seed++) {
    const result = kmeans(points, k, { seed, initialization: 'kmeans++', maxIterations: 300 });
    const inertia = points.reduce((sum, p, i) => sum + squared(p, result.centroids[result.clusters[i] as number] as number[]), 0);
    if (!best || inertia < best.inertia - 1e-9) best = { labels: result.clusters, inertia };
  }
  return (best as { labels: number[] }).labels;
}

const squared = (p: number[], q: number[]) => p.reduce((sum, v, i) => sum + (v - (q[i] as number)) ** 2, 0);

/** Mean silhouette (Euclidean); a point alone in its cluster counts 0, as usual. */
export function silhouette(points: number[][], labels: number[], k: number): number {
  const n = points.length;
  if (n < 2 || k < 2) return 0;
  const sizes = new Array(k).fill(0);
  for (const l of labels) sizes[l]++;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i] as number;
    if (sizes[own] <= 1) continue;
    const sums = new Array(k).fill(0);
    for (let j = 0; j < n; j++) {
      if (i !== j) sums[labels[j] as number] += Math.sqrt(squared(points[i] as number[], points[j] as number[]));
    }
    const a = sums[own] / (sizes[own] - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    if (!Number.isFinite(b)) continue;
    const m = Math.max(a, b);
    total += m === 0 ? 0 : (b - a) / m;
  }
  return total / n;
}

/** Keep the previous k until another k has been the best `switchAfter` times in a row. */
export function nextKState(previous: KState | null, bestK: number, tried: { k: number }[], switchAfter: number): KState {
  if (!previous || !tried.some((t) => t.k === previous.k)) return { k: bestK, challenger: null, streak: 0 };
  if (bestK === previous.k) return { k: previous.k, challenger: null, streak: 0 };
  const streak = previous.challenger === bestK ? previous.streak + 1 : 1;
  if (streak >= switchAfter) return { k: bestK, challenger: null, streak: 0 };
  return { k: previous.k, challenger: bestK, streak };
}

/** Relabel clusters: largest first, then by centroid x, then y — the same votes give the same labels. */
function orderGroups(points: number[][], labels: number[], k: number): { labels: number[]; centroids: number[][] } {
  const stats = Array.from({ length: k }, (_, c) => {
    const members = points.filter((_, i) => labels[i] === c);
    const centroid = [0, 1].map((d) => members.reduce((s, p) => s + (p[d] as number), 0) / Math.max(1, members.length));
    return { c, size: members.length, centroid };
  }).filter((s) => s.size > 0);
  stats.sort(
    (a, b) =>
      b.size - a.size || (a.centroid[0] as number) - (b.centroid[0] as number) || (a.centroid[1] as number) - (b.centroid[1] as number),
  );
  const map = new Map(stats.map((s, i) => [s.c, i]));
  return { labels: labels.map((l) => map.get(l) as number), centroids: stats.map((s) => s.centroid) };
}
