import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AddAdviserBody, TopicDetail } from '../contract.ts';
import { deliberationErrors, deliberationNouns } from '../errors.ts';
import { TopicRepository } from '../topic.repository.ts';
import { readTopicDetail } from '../topic-detail.ts';
import { finishedStatuses } from '../vocabulary.ts';

/** Records a professional adviser (judge, lawyer, mediator …) of a topic, usually a red project. */
export async function addAdviser(tx: Tx, ctx: RequestContext, id: string, input: AddAdviserBody): Promise<TopicDetail> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const topics = new TopicRepository(tx);
  const topic = await topics.findRecord(tenantId, id, scopePaths(actor, 'deliberation.read'));
  if (!topic) throw AppError.notFound(deliberationNouns.topic, id);
  if (scopePaths(actor, 'deliberation.write').every((p) => topic.nodePath !== p && !topic.nodePath.startsWith(`${p}.`))) {
    throw AppError.of(deliberationErrors.topic_action_forbidden, { action: 'add adviser' });
  }
  if (finishedStatuses.includes(topic.status))
    throw AppError.of(deliberationErrors.topic_not_in_state, { action: 'add adviser', status: topic.status });
  const adviserId = await topics.addAdviser(tenantId, id, {
    role: input.role,
    name: input.name.trim(),
    organisation: input.organisation?.trim() || null,
    addedBy: actor.accountId,
  });
  const data = { adviserId, role: input.role };
  await topics.appendEvent(tenantId, id, {
    actorId: actor.accountId,
    actorName: actor.displayName,
    action: 'add_adviser',
    fromStatus: topic.status,
    toStatus: topic.status,
    note: `${input.name.trim()}${input.organisation ? `（${input.organisation.trim()}）` : ''}`,
    data,
  });
  await recordAudit(tx, auditEntry(ctx, 'deliberation.topic.add_adviser', { type: 'deliberation_topic', id }, data));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.topic_adviser_added',
    aggregateType: 'deliberation_topic',
    aggregateId: id,
    payload: data,
  });
  return readTopicDetail(tx, actor, id);
}
