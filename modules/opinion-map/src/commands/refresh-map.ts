import type { Db } from '@linli/db';
import { analyseOpinions } from '../analysis/opinion-analysis.ts';
import type { ConversationRow } from '../conversation.repository.ts';
import { type CachedMap, MapRepository } from '../map.repository.ts';
import { VoteRepository } from '../vote.repository.ts';

/**
 * The conversation's map: the cached one while the conversation's data version is unchanged,
 * otherwise (or when `force`d) computed from the votes and cached with the time computed. Reads
 * between two votes never recompute.
 *
 * The k kept between computations (k smoothing) advances only when the data changed: recomputing the
 * same data starts again from the k the cached map started from, so it gives the same map.
 */
export async function refreshMap(
  db: Db,
  tenantId: string,
  conversation: ConversationRow,
  options: { force?: boolean } = {},
): Promise<CachedMap> {
  const maps = new MapRepository(db);
  const cached = await maps.get(tenantId, conversation.id);
  if (cached && cached.dataVersion === conversation.dataVersion && !options.force) return cached;
  const prior = cached ? (cached.dataVersion === conversation.dataVersion ? cached.priorKState : cached.kState) : null;
  const input = await new VoteRepository(db).analysisInput(tenantId, conversation.id);
  const result = analyseOpinions({ ...input, previous: prior });
  const kState = result.status === 'ready' ? result.kState : prior;
  await maps.put(tenantId, conversation.id, { dataVersion: conversation.dataVersion, priorKState: prior, kState, result });
  return (await maps.get(tenantId, conversation.id)) as CachedMap;
}
