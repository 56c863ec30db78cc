import type { MapGroup, MyPosition, OpinionMapView } from './contract.ts';
import type { CachedMap } from './map.repository.ts';

/**
 * The cached analysis as the council and as a resident see it. Participants appear by their number in
 * the conversation (council) or not at all (a resident sees their own point and anonymous dots).
 */
function summary(conversationId: string, map: CachedMap, bodies: Map<string, string>) {
  const r = map.result;
  const body = (id: string) => bodies.get(id) ?? '';
  const base = {
    conversationId,
    status: r.status,
    computedAt: map.computedAt,
    eligibleParticipants: r.eligibleParticipants,
    neededParticipants: r.neededParticipants,
    minVotes: r.minVotes,
    statementCount: r.statementCount,
  };
  if (r.status !== 'ready') return { ...base, k: 0, silhouette: 0, explainedVariance: [], groups: [] as MapGroup[], consensus: [] };
  return {
    ...base,
    k: r.k,
    silhouette: r.silhouette,
    explainedVariance: r.explainedVariance,
    groups: r.groups.map((g) => ({
      index: g.index,
      size: g.size,
      centroid: g.centroid,
      representative: g.representative.map((s) => ({
        statementId: s.statementId,
        body: body(s.statementId),
        direction: s.direction,
        groupShare: round(s.groupShare),
        otherShare: round(s.otherShare),
        z: round(s.z),
      })),
    })),
    consensus: r.consensus.map((c) => ({
      statementId: c.statementId,
      body: body(c.statementId),
      direction: c.direction,
      score: round(c.score),
      groupShares: c.groupShares.map(round),
    })),
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function councilView(
  conversationId: string,
  map: CachedMap,
  bodies: Map<string, string>,
  numbers: Map<string, number>,
): OpinionMapView {
  const points =
    map.result.status === 'ready'
      ? map.result.points
          .map((p) => ({ number: numbers.get(p.participantId) ?? 0, x: p.x, y: p.y, group: p.group }))
          .sort((a, b) => a.number - b.number)
      : [];
  return { ...summary(conversationId, map, bodies), points };
}

export function residentView(
  conversationId: string,
  map: CachedMap,
  bodies: Map<string, string>,
  me: { participantId: string | null; votes: number },
): MyPosition {
  const ready = map.result.status === 'ready' ? map.result : null;
  const own = ready?.points.find((p) => p.participantId === me.participantId);
  // Anonymous dots in a fixed order unrelated to who they are (by position), so nothing links a dot to a person.
  const points = (ready?.points ?? []).map((p) => ({ x: p.x, y: p.y, group: p.group })).sort((a, b) => a.x - b.x || a.y - b.y);
  return {
    ...summary(conversationId, map, bodies),
    votes: me.votes,
    me: own ? { x: own.x, y: own.y, group: own.group } : null,
    points,
  };
}
