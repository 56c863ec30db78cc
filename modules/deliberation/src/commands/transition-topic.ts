import { AppError, type RequestContext, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { MeetingRepository, scheduleAgendaItem } from '@linli/meetings';
import type { TopicDetail, TransitionTopicBody } from '../contract.ts';
import { decisionDue, runTopicTransition, type TopicPlan } from '../transition.ts';
import type { TopicStatus } from '../vocabulary.ts';

/**
 * The steps of a topic after screening that carry no more than a note: into the pool (its decision
 * deadline starts, in the bank's working days), scheduled for a meeting (it joins that meeting's
 * agenda through meetings' scheduleAgendaItem, in the same transaction), deliberated, decided
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
  if (action === 'schedule' && !input.meetingId) {
    throw AppError.invalid([{ field: 'meetingId', reason: 'is required to schedule a topic' }]);
  }
  if (action !== 'schedule' && input.meetingId !== undefined) {
    throw AppError.invalid([{ field: 'meetingId', reason: 'is given only with schedule' }]);
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
        case 'schedule': {
          // The meeting's module puts the topic on the agenda (404 for a meeting outside the caller's
          // meetings.write scope, 409 for one already held); the timeline names the meeting.
          const meetingId = input.meetingId as string;
          const itemId = await scheduleAgendaItem(tx, ctx, meetingId, { kind: 'topic', id: topic.id, title: topic.title });
          const meeting = await new MeetingRepository(tx).forUpdate(ctx.actor.tenantId, meetingId, scopePaths(ctx.actor, 'meetings.write'));
          return { change: {}, note, data: { meetingId, meetingTitle: meeting?.title ?? null, itemId } };
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
