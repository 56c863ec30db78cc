import { AppError, type RequestContext, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MergeTopicBody, TopicDetail } from '../contract.ts';
import { deliberationErrors, deliberationNouns } from '../errors.ts';
import { topicReference } from '../references.ts';
import { TopicRepository } from '../topic.repository.ts';
import { runTopicTransition } from '../transition.ts';
import { finishedStatuses } from '../vocabulary.ts';

/**
 * Merges a duplicate into the topic that survives: the duplicate ends as merged and points to the
 * survivor; its sources and its households' supports move over (a household supporting both counts
 * once), and both timelines say so.
 */
export async function mergeTopic(tx: Tx, ctx: RequestContext, id: string, input: MergeTopicBody, now = new Date()): Promise<TopicDetail> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  await requireReferences(tx, actor, scopePaths(actor, 'deliberation.write'), input, { intoId: topicReference });
  if (input.intoId === id) throw AppError.of(deliberationErrors.merge_into_self);
  const topics = new TopicRepository(tx);
  const survivor = await topics.findRecord(tenantId, input.intoId, scopePaths(actor, 'deliberation.write'));
  if (!survivor) throw AppError.notFound(deliberationNouns.topic, input.intoId);
  if (finishedStatuses.includes(survivor.status)) throw AppError.of(deliberationErrors.merge_target_closed, { status: survivor.status });
  return runTopicTransition(tx, ctx, id, 'merge', {
    version: input.version,
    now,
    plan: (duplicate) => ({
      change: { mergedIntoId: survivor.id, dueAt: null },
      note: input.note?.trim() || null,
      data: { intoId: survivor.id, intoNumber: survivor.number },
      after: async () => {
        const supports = await topics.moveToSurvivor(tenantId, duplicate.id, survivor.id);
        await topics.setSupportCount(tenantId, survivor.id, supports);
        await topics.setSupportCount(tenantId, duplicate.id, 0);
        await topics.appendEvent(tenantId, survivor.id, {
          actorId: actor.accountId,
          actorName: actor.displayName,
          action: 'absorb',
          fromStatus: survivor.status,
          toStatus: survivor.status,
          note: input.note?.trim() || null,
          data: { mergedId: duplicate.id, mergedNumber: duplicate.number, supportCount: supports },
          at: now,
        });
      },
    }),
  });
}
