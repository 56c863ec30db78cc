import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Conversation } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';

/** Closes a conversation: it takes no more votes or statements; its map stays readable. Audited. */
export async function closeConversation(tx: Tx, ctx: RequestContext, id: string): Promise<Conversation> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'opinionMap.write');
  const conversations = new ConversationRepository(tx);
  const row = await conversations.lock(tenantId, id, { scope });
  if (!row) throw AppError.notFound(opinionMapNouns.conversation, id);
  if (row.state === 'closed') throw AppError.of(opinionMapErrors.already_closed);
  await conversations.close(tenantId, id, ctx.actor.accountId);
  await recordAudit(tx, auditEntry(ctx, 'opinionMap.conversation.close', { type: 'opinion_conversation', id }));
  await emitEvents(tx, {
    tenantId,
    type: 'opinionMap.conversation_closed',
    aggregateType: 'opinion_conversation',
    aggregateId: id,
    payload: {},
  });
  const closed = await conversations.findById(tenantId, id, scope);
  if (!closed) throw AppError.notFound(opinionMapNouns.conversation, id);
  return closed;
}
