import { AppError, auditEntry, can, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { DemandRepository } from '@linli/demands';
import { placeReference, territory } from '@linli/territory';
import type { SubmitTopicBody, TopicDetail } from '../contract.ts';
import { deliberationErrors } from '../errors.ts';
import { demandReference } from '../references.ts';
import { stationReference } from '../station.repository.ts';
import { TopicRepository } from '../topic.repository.ts';
import { householdsOf, readTopicDetail } from '../topic-detail.ts';
import type { TopicLevel } from '../vocabulary.ts';

const levelOfKind: Record<string, TopicLevel> = { compound: 'compound', community: 'community', subdistrict: 'subdistrict' };

/**
 * Takes a topic into the pool: from staff (deliberation.write on the place; any source, a demand
 * escalated to deliberation carrying its record with it), or from a resident for their own compound
 * (source resident). The place is a compound, community or subdistrict; its kind gives the bank.
 */
export async function submitTopic(tx: Tx, ctx: RequestContext, input: SubmitTopicBody, now = new Date()): Promise<TopicDetail> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const isStaff = can(actor, 'deliberation.write');
  const households = householdsOf(actor);
  if (!isStaff && households.length === 0) throw AppError.of(deliberationErrors.resident_only);

  if (isStaff) {
    const scope = scopePaths(actor, 'deliberation.write');
    await requireReferences(tx, actor, scope, input, { nodeId: placeReference, demandId: demandReference, stationId: stationReference });
  } else {
    for (const field of ['demandId', 'level', 'stationId', 'source', 'parties'] as const) {
      if (input[field] !== undefined) throw AppError.invalid([{ field, reason: 'is set by staff only' }]);
    }
  }
  const place = await territory.node(tx, tenantId, input.nodeId);
  const kindLevel = place ? levelOfKind[place.kind] : undefined;
  if (!place || !kindLevel) throw AppError.of(deliberationErrors.not_a_topic_place, { place: place?.name ?? input.nodeId });
  if (!isStaff && (place.kind !== 'compound' || !households.some((h) => h.path.startsWith(`${place.path}.`)))) {
    throw AppError.of(deliberationErrors.not_own_compound);
  }
  const source = isStaff ? (input.source ?? (input.demandId ? 'demand' : 'staff')) : 'resident';
  if (source === 'demand' && !input.demandId)
    throw AppError.invalid([{ field: 'demandId', reason: 'is required for a topic from a demand' }]);
  if (input.demandId && source !== 'demand')
    throw AppError.invalid([{ field: 'source', reason: 'a topic with a demand has source demand' }]);

  const topics = new TopicRepository(tx);
  const demands = new DemandRepository(tx);
  let demandNumber: string | null = null;
  if (input.demandId) {
    const demand = await demands.findRecord(tenantId, input.demandId, actor);
    if (!demand) throw AppError.notFound({ 'zh-CN': '诉求', 'en-US': 'demand' }, input.demandId);
    const linked = await topics.topicOfDemand(tenantId, input.demandId);
    if (linked) throw AppError.of(deliberationErrors.demand_linked, { number: demand.number, topic: linked.number });
    demandNumber = demand.number;
  }
  const level = input.level ?? kindLevel;
  const { id, number } = await topics.insert(tenantId, {
    title: input.title.trim(),
    description: input.description.trim(),
    source,
    sourceNote: input.sourceNote?.trim() || null,
    demandId: input.demandId ?? null,
    nodeId: place.id,
    nodePath: place.path,
    level,
    stationId: input.stationId ?? null,
    parties: input.parties ?? null,
    proposerAccountId: isStaff ? null : actor.accountId,
    proposerHouseholdId: isStaff ? null : (households.find((h) => h.path.startsWith(`${place.path}.`))?.id ?? null),
    createdBy: actor.accountId,
    submittedAt: now,
  });
  const data = { number, source, level, demandId: input.demandId ?? null };
  await topics.appendEvent(tenantId, id, {
    actorId: actor.accountId,
    actorName: actor.displayName,
    action: 'submit',
    fromStatus: null,
    toStatus: 'submitted',
    data,
    at: now,
  });
  if (input.demandId) {
    // The demand's own timeline shows that it went to deliberation, with the topic's number.
    const demand = await demands.findRecord(tenantId, input.demandId, actor);
    await demands.appendEvent({
      tenantId,
      demandId: input.demandId,
      actorId: actor.accountId,
      actorName: actor.displayName,
      action: 'to_deliberation',
      fromStatus: demand?.status ?? null,
      toStatus: demand?.status ?? 'accepted',
      note: `转入议事协商：议题 ${number}`,
      data: { topicId: id, topicNumber: number },
    });
  }
  await recordAudit(tx, auditEntry(ctx, 'deliberation.topic.submit', { type: 'deliberation_topic', id }, { ...data, demandNumber }));
  await emitEvents(tx, {
    tenantId,
    type: 'deliberation.topic_submitted',
    aggregateType: 'deliberation_topic',
    aggregateId: id,
    payload: data,
  });
  return readTopicDetail(tx, actor, id, isStaff ? [] : [place.path]);
}
