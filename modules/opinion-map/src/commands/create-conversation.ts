import {
  AppError,
  auditEntry,
  emitEvents,
  type ReferenceKind,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { Conversation, CreateConversationBody } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';
import { StatementRepository } from '../statement.repository.ts';

const placeKinds = ['subdistrict', 'community', 'compound'];

/** The deliberation topic a conversation informs: in scope where the topic's place is. */
const topicReference: ReferenceKind = {
  name: 'opinion_map_topic',
  noun: 'Topic',
  from: sql`deliberation_topic x`,
  path: sql`x.node_path`,
};

/**
 * Opens a conversation of a place in the caller's scope, with its seed statements (approved at
 * once: staff write them). Audited, with its domain event.
 */
export async function createConversation(tx: Tx, ctx: RequestContext, input: CreateConversationBody): Promise<Conversation> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'opinionMap.write');
  // A place outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference, topicId: topicReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (!place || !placeKinds.includes(place.kind))
    throw AppError.of(opinionMapErrors.wrong_place_kind, { place: place?.name ?? input.nodeId });
  const title = input.title.trim();
  const errors = [];
  if (!title) errors.push({ field: 'title', reason: 'is empty' });
  const seeds = (input.statements ?? []).map((s) => s.trim());
  seeds.forEach((s, i) => {
    if (!s) errors.push({ field: `statements.${i}`, reason: 'is empty' });
    else if (seeds.indexOf(s) !== i) errors.push({ field: `statements.${i}`, reason: 'repeats an earlier statement' });
  });
  if (errors.length) throw AppError.invalid(errors);

  const conversations = new ConversationRepository(tx);
  const id = await conversations.insert(tenantId, {
    nodeId: input.nodeId,
    title,
    description: input.description?.trim() || null,
    topicId: input.topicId ?? null,
    createdBy: ctx.actor.accountId,
  });
  const statements = new StatementRepository(tx);
  for (const body of seeds) {
    await statements.insert(tenantId, {
      conversationId: id,
      body,
      authorKind: 'staff',
      participantId: null,
      status: 'approved',
      createdBy: ctx.actor.accountId,
    });
  }
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'opinionMap.conversation.create',
      { type: 'opinion_conversation', id },
      { title, nodeId: input.nodeId, statements: seeds.length },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'opinionMap.conversation_opened',
    aggregateType: 'opinion_conversation',
    aggregateId: id,
    payload: { nodeId: input.nodeId },
  });
  const created = await conversations.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(opinionMapNouns.conversation, id);
  return created;
}
