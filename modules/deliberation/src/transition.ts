import { tenantCalendar } from '@linli/calendar';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { TopicDetail } from './contract.ts';
import { deliberationErrors, deliberationNouns } from './errors.ts';
import { ScopeRepository } from './scope.repository.ts';
import { decideTopic } from './state-machine.ts';
import { type TopicChange, type TopicRecord, TopicRepository } from './topic.repository.ts';
import { readTopicDetail } from './topic-detail.ts';
import type { TopicAction, TopicLevel, TopicStatus } from './vocabulary.ts';

/** Domain event names, past tense, one per action. */
const eventNames: Record<TopicAction, string> = {
  screen: 'deliberation.topic_screened',
  pool: 'deliberation.topic_pooled',
  schedule: 'deliberation.topic_scheduled',
  deliberate: 'deliberation.topic_deliberated',
  decide: 'deliberation.topic_decided',
  escalate: 'deliberation.topic_escalated',
  implement: 'deliberation.topic_implementing',
  complete: 'deliberation.topic_completed',
  evaluate: 'deliberation.topic_evaluated',
  publish: 'deliberation.topic_published',
  close: 'deliberation.topic_closed',
  merge: 'deliberation.topic_merged',
};

export interface TopicPlan {
  change: Omit<TopicChange, 'status'>;
  note?: string | null;
  /** Facts for the timeline, the audit record and the event (ids, levels, deadlines — no personal data). */
  data?: Record<string, unknown>;
  /** Writes that belong to the same transaction after the update (e.g. moving a duplicate's supports). */
  after?: (tx: Tx) => Promise<void>;
}

export interface TopicTransitionOptions {
  version?: number;
  /** The state to reach when the action has several (screen, decide). */
  target?: TopicStatus;
  now?: Date;
  plan: (topic: TopicRecord, to: TopicStatus) => Promise<TopicPlan> | TopicPlan;
}

/** The decision deadline of a topic entering a bank at `level`, in the county's working days. */
export async function decisionDue(tx: Tx, tenantId: string, level: TopicLevel, from: Date): Promise<Date> {
  const settings = await new ScopeRepository(tx).settings(tenantId);
  const days = level === 'compound' ? settings.compoundDays : level === 'community' ? settings.communityDays : settings.subdistrictDays;
  return (await tenantCalendar(tx, tenantId)).addWorkingDays(from, days);
}

/**
 * Runs one topic transition in the caller's transaction: load and lock the topic (404 when the
 * caller cannot see it), check the state machine (409 / 400 / 403), apply the change only if the
 * topic is still at the version read, then the timeline entry, audit record and domain event —
 * all in the same transaction.
 */
export async function runTopicTransition(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  action: TopicAction,
  options: TopicTransitionOptions,
): Promise<TopicDetail> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const topics = new TopicRepository(tx);
  const topic = await topics.findRecord(tenantId, id, scopePaths(actor, 'deliberation.read'));
  if (!topic) throw AppError.notFound(deliberationNouns.topic, id);
  if (options.version !== undefined && options.version !== topic.version) {
    throw AppError.of(
      deliberationErrors.topic_changed_meanwhile,
      { version: topic.version, seen: options.version },
      {
        status: topic.status,
        version: topic.version,
      },
    );
  }
  const decision = decideTopic(action, topic, actor, options.target);
  if (!decision.ok) {
    if (decision.code === 'forbidden') throw AppError.of(deliberationErrors.topic_action_forbidden, { action });
    if (decision.code === 'invalid') throw AppError.invalid([{ field: 'to', reason: decision.reason }]);
    if (decision.reason.startsWith('cannot ')) {
      throw AppError.of(
        deliberationErrors.topic_not_in_state,
        { action, status: topic.status },
        { status: topic.status, version: topic.version },
      );
    }
    throw AppError.of(deliberationErrors.topic_action_refused, { action, reason: decision.reason }, { status: topic.status });
  }
  const plan = await options.plan(topic, decision.to);
  const data = plan.data ?? {};
  const updated = await topics.update(tenantId, id, topic.version, { ...plan.change, status: decision.to });
  if (!updated) throw AppError.of(deliberationErrors.topic_changed_meanwhile, { version: topic.version + 1, seen: topic.version });
  await topics.appendEvent(tenantId, id, {
    actorId: actor.accountId,
    actorName: actor.displayName,
    action,
    fromStatus: topic.status,
    toStatus: decision.to,
    note: plan.note ?? null,
    data,
    at: options.now,
  });
  const payload = { number: topic.number, from: topic.status, to: decision.to, ...data };
  await recordAudit(tx, auditEntry(ctx, `deliberation.topic.${action}`, { type: 'deliberation_topic', id }, payload));
  await emitEvents(tx, { tenantId, type: eventNames[action], aggregateType: 'deliberation_topic', aggregateId: id, payload });
  await plan.after?.(tx);
  return readTopicDetail(tx, actor, id);
}
