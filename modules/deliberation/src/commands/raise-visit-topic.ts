import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import type { TopicDetail } from '../contract.ts';
import { VisitRepository } from '../visit.repository.ts';
import type { RaiseVisitTopicBody, Visit } from '../visit-contract.ts';
import { visitErrors, visitNouns } from '../visit-errors.ts';
import { submitTopic } from './submit-topic.ts';

/**
 * Takes what a home visit raised into the topic pool: a topic of the household's compound (its
 * community where the household has no compound) with source home_visit, submitted through
 * submitTopic like any staff topic, and the visit linked to it. Once per visit.
 */
export async function raiseVisitTopic(
  tx: Tx,
  ctx: RequestContext,
  visitId: string,
  input: RaiseVisitTopicBody,
  now = new Date(),
): Promise<{ visit: Visit; topic: TopicDetail }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  const visits = new VisitRepository(tx);
  const found = await visits.findVisit(tenantId, visitId, scope, true);
  if (!found) throw AppError.notFound(visitNouns.visit, visitId);
  if (found.topicId) {
    const linked = await visits.visit(tenantId, found.id);
    throw AppError.of(visitErrors.visit_topic_exists, { number: linked?.topicNumber ?? found.topicId });
  }
  if (found.outcome !== 'visited' || !found.raised) throw AppError.of(visitErrors.visit_nothing_raised);
  const place =
    (await territory.ancestorOfKind(tx, tenantId, found.householdPath, 'compound')) ??
    (await territory.ancestorOfKind(tx, tenantId, found.householdPath, 'community'));
  if (!place) throw AppError.notFound(visitNouns.visit, visitId);
  const topic = await submitTopic(
    tx,
    ctx,
    {
      title: input.title.trim(),
      description: input.description?.trim() || found.raised,
      nodeId: place.id,
      source: 'home_visit',
      // No door number: the note names the round and the grid.
      sourceNote: `${found.quarter} 入户走访 · ${found.gridName}`,
      ...(input.stationId ? { stationId: input.stationId } : {}),
    },
    now,
  );
  await visits.linkTopic(tenantId, found.id, topic.id);
  const payload = { topicId: topic.id, topicNumber: topic.number, planId: found.planId, householdId: found.householdId };
  await recordAudit(tx, auditEntry(ctx, 'deliberation.visit.raise_topic', { type: 'deliberation_visit', id: found.id }, payload));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.home_visit_topic_raised',
    aggregateType: 'deliberation_visit',
    aggregateId: found.id,
    payload,
  });
  const visit = await visits.visit(tenantId, found.id);
  if (!visit) throw AppError.notFound(visitNouns.visit, visitId);
  return { visit, topic };
}
