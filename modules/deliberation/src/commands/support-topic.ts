import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { deliberationErrors, deliberationNouns } from '../errors.ts';
import { ScopeRepository } from '../scope.repository.ts';
import { reachesThreshold } from '../state-machine.ts';
import { TopicRepository } from '../topic.repository.ts';
import { householdsOf } from '../topic-detail.ts';
import { decisionDue } from '../transition.ts';

/**
 * A resident supports a topic of their own compound (or of the community or street above it) from
 * their phone: one support per household. When the county's threshold is reached an admissible
 * topic is put forward into the pool, ready for scheduling, with its decision deadline.
 */
export async function supportTopic(tx: Tx, ctx: RequestContext, id: string, now = new Date()) {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const households = householdsOf(actor);
  if (households.length === 0) throw AppError.of(deliberationErrors.resident_only);
  const topics = new TopicRepository(tx);
  // The topic's place contains the household: the topic is one of the household's own.
  const record = await topics.findRecordAbove(
    tenantId,
    id,
    households.map((h) => h.path),
  );
  if (!record) throw AppError.notFound(deliberationNouns.topic, id);
  if (record.status !== 'admissible' && record.status !== 'pooled') {
    throw AppError.of(deliberationErrors.not_supportable, { status: record.status });
  }
  const household = households.find((h) => h.path.startsWith(`${record.nodePath}.`)) ?? households[0];
  if (!household) throw AppError.of(deliberationErrors.resident_only);
  const added = await topics.addSupport(tenantId, id, household.id, actor.accountId);
  if (!added) throw AppError.of(deliberationErrors.already_supported);
  const supportCount = await topics.countSupports(tenantId, id);
  const { supportThreshold } = await new ScopeRepository(tx).settings(tenantId);
  const pooled = record.status === 'admissible' && reachesThreshold(supportCount, supportThreshold);
  const dueAt = pooled ? await decisionDue(tx, tenantId, record.level, now) : undefined;
  if (pooled) await topics.update(tenantId, id, record.version, { supportCount, status: 'pooled', dueAt });
  else await topics.setSupportCount(tenantId, id, supportCount);
  if (pooled) {
    await topics.appendEvent(tenantId, id, {
      actorId: null,
      actorName: 'system',
      action: 'pool',
      fromStatus: 'admissible',
      toStatus: 'pooled',
      note: null,
      data: { supportCount, threshold: supportThreshold, dueAt: dueAt?.toISOString() },
      at: now,
    });
  }
  const payload = { number: record.number, supportCount, pooled };
  await recordAudit(tx, auditEntry(ctx, 'deliberation.topic.support', { type: 'deliberation_topic', id }, payload));
  await emitEvents(tx, { tenantId, type: 'deliberation.topic_supported', aggregateType: 'deliberation_topic', aggregateId: id, payload });
  return { supportCount, status: pooled ? ('pooled' as const) : record.status, pooled };
}
