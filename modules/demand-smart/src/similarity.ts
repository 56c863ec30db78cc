/**
 * Similar-demand detection: the same place (territory node or a radius around coordinates), text
 * alike by the tokens of ./tokenize.ts, within a time window. The database narrows the candidates
 * by tenant, place and window; these functions score what it returns.
 */
import { tokenize } from './tokenize.ts';

/** Size of the intersection over the size of the union of two token sets (1 for two empty sets). */
export function jaccard(a: Iterable<string>, b: Iterable<string>): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const token of left) if (right.has(token)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Cosine of the term-frequency vectors of two token lists (0 when either is empty). */
export function cosine(a: readonly string[], b: readonly string[]): number {
  const left = frequencies(a);
  const right = frequencies(b);
  let dot = 0;
  for (const [token, count] of left) dot += count * (right.get(token) ?? 0);
  const norm = Math.sqrt(sumOfSquares(left) * sumOfSquares(right));
  return norm === 0 ? 0 : dot / norm;
}

export type SimilarityMeasure = 'cosine' | 'jaccard';

export function textSimilarity(a: string, b: string, measure: SimilarityMeasure = 'cosine'): number {
  const left = tokenize(a);
  const right = tokenize(b);
  if (left.length === 0 || right.length === 0) return 0;
  return measure === 'cosine' ? cosine(left, right) : jaccard(left, right);
}

/**
 * Default cosine threshold, set on the pairs in similarity.test.ts: the same matter in other words
 * scores about 0.5–0.75, a different matter at the same place 0.4 or less (shared place names).
 * Short texts overlap, so this only suggests a link; a person decides to merge.
 */
export const SIMILARITY_THRESHOLD = 0.45;

export function isSimilar(a: string, b: string, threshold = SIMILARITY_THRESHOLD, measure: SimilarityMeasure = 'cosine'): boolean {
  return textSimilarity(a, b, measure) >= threshold;
}

export interface GeoPoint {
  /** WGS-84 / GCJ-02 degrees: both points must use the same datum; the difference is a few hundred metres. */
  lat: number;
  lng: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function haversineMeters(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function withinRadius(a: GeoPoint, b: GeoPoint, meters: number): boolean {
  return haversineMeters(a, b) <= meters;
}

export interface DemandLike {
  id: string;
  text: string;
  /** Territory node the demand is attached to (compound, building, …). */
  nodeId?: string | null;
  point?: GeoPoint | null;
  createdAt?: Date;
  /** The tokens of `text`, when the caller already has them (e.g. cached per demand); otherwise they are computed. */
  tokens?: readonly string[];
}

export interface SimilarDemand {
  id: string;
  similarity: number;
  /** 'node' when on the same territory node, 'radius' when only the coordinates are close. */
  matchedBy: 'node' | 'radius' | 'text';
  distanceMeters?: number;
}

export interface FindSimilarOptions {
  threshold?: number;
  radiusMeters?: number;
  windowDays?: number;
  limit?: number;
}

/**
 * Candidates that are at the same place as the demand (same node, or within `radiusMeters`, default
 * 200 m), created within `windowDays` (default 30) before or after it, and whose text is at least
 * `threshold` similar; best first. When the demand has no place at all, the text alone decides.
 */
export function findSimilar(
  demand: Omit<DemandLike, 'id'>,
  candidates: readonly DemandLike[],
  options: FindSimilarOptions = {},
): SimilarDemand[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD;
  const radius = options.radiusMeters ?? 200;
  const windowMs = (options.windowDays ?? 30) * 24 * 60 * 60 * 1000;
  const tokens = tokenize(demand.text);
  const hasPlace = Boolean(demand.nodeId) || Boolean(demand.point);
  const found: SimilarDemand[] = [];
  for (const candidate of candidates) {
    if (demand.createdAt && candidate.createdAt && Math.abs(demand.createdAt.getTime() - candidate.createdAt.getTime()) > windowMs)
      continue;
    let matchedBy: SimilarDemand['matchedBy'] = 'text';
    let distanceMeters: number | undefined;
    if (demand.point && candidate.point) distanceMeters = Math.round(haversineMeters(demand.point, candidate.point));
    if (hasPlace) {
      if (demand.nodeId && candidate.nodeId === demand.nodeId) matchedBy = 'node';
      else if (distanceMeters !== undefined && distanceMeters <= radius) matchedBy = 'radius';
      else continue;
    }
    const candidateTokens = candidate.tokens ?? tokenize(candidate.text);
    const similarity = tokens.length === 0 || candidateTokens.length === 0 ? 0 : cosine(tokens, candidateTokens);
    if (similarity < threshold) continue;
    found.push({
      id: candidate.id,
      similarity: Math.round(similarity * 1000) / 1000,
      matchedBy,
      ...(distanceMeters === undefined ? {} : { distanceMeters }),
    });
  }
  found.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : 1));
  return options.limit === undefined ? found : found.slice(0, options.limit);
}

function frequencies(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

function sumOfSquares(counts: Map<string, number>): number {
  let sum = 0;
  for (const count of counts.values()) sum += count * count;
  return sum;
}
