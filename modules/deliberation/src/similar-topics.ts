import type { Db } from '@linli/db';
import type { SimilarTopic } from './contract.ts';
import { LIKELY_DUPLICATE, titleWords, wordOverlap } from './title-similarity.ts';
import { TopicRepository } from './topic.repository.ts';

/** How many open topics around a topic are compared with it, and how many likely duplicates are shown. */
const CANDIDATES = 500;
const SHOWN = 8;

/**
 * The likely duplicates of a topic, for the merge picker: the open topics of its compound (and the
 * places above it) in the caller's scope whose titles share enough words with its title
 * (title-similarity.ts), most alike first, then those at the same place, then the newest.
 */
export async function similarTopics(
  db: Db,
  tenantId: string,
  scope: string[],
  topic: { id: string; title: string; nodeId: string; nodePath: string },
): Promise<SimilarTopic[]> {
  const words = titleWords(topic.title);
  const candidates = await new TopicRepository(db).mergeCandidates(tenantId, scope, topic, CANDIDATES);
  return candidates
    .map((t, newest) => ({ t: { ...t, score: Math.round(wordOverlap(words, titleWords(t.title)) * 100) / 100 }, newest }))
    .filter(({ t }) => t.score >= LIKELY_DUPLICATE)
    .sort(
      (a, b) => b.t.score - a.t.score || Number(b.t.nodeId === topic.nodeId) - Number(a.t.nodeId === topic.nodeId) || a.newest - b.newest,
    )
    .slice(0, SHOWN)
    .map(({ t }) => t);
}
