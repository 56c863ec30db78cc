import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { TopicDetail, TransitionTopicBody } from '../contract.ts';
import { decisionDue, runTopicTransition, type TopicPlan } from '../transition.ts';
import type { TopicStatus } from '../vocabulary.ts';

/**
 * The steps of a topic after screening that carry no more than a note: into the pool (its decision
 * deadline starts, in the bank's working days), scheduled for a meeting, deliberated, decided
 * (adopted / rejected / deferred), carried out, completed, evaluated (with the residents'
 * satisfaction), published and closed.
 */
export async function transitionTopic(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: TransitionTopicBody,
  now = new Date(),
): Promise<TopicDetail> {
  const { action } = input;
  if (action === 'evaluate' && input.satisfaction === undefined) {
    throw AppError.invalid([{ field: 'satisfaction', reason: 'is required to evaluate a topic' }]);
  }
  if (action !== 'evaluate' && input.satisfaction !== undefined) {
    throw AppError.invalid([{ field: 'satisfaction', reason: 'is given only with evaluate' }]);
  }
  return runTopicTransition(tx, ctx, id, action, {
    version: input.version,
    target: input.to as TopicStatus | undefined,
    now,
    plan: async (topic, to): Promise<TopicPlan> => {
      const note = input.note?.trim() || null;
      switch (action) {
        case 'pool': {
          const dueAt = await decisionDue(tx, ctx.actor.tenantId, topic.level, now);
          return { change: { dueAt }, note, data: { dueAt: dueAt.toISOString() } };
        }
        case 'decide':
          return { change: { decidedAt: now, dueAt: to === 'deferred' ? undefined : null }, note, data: { decision: to } };
        case 'complete':
          return { change: { resolvedAt: now }, note };
        case 'evaluate':
          return { change: { satisfaction: input.satisfaction }, note, data: { satisfaction: input.satisfaction } };
        default:
          return { change: {}, note };
      }
    },
  });
}
