import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AddStatementBody, WrittenStatement } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';
import { residentHomes } from '../participation.ts';
import { StatementRepository } from '../statement.repository.ts';
import { VoteRepository } from '../vote.repository.ts';

/**
 * A resident writes a statement for an open conversation of a place they live under. It waits for
 * moderation (pending) before anyone votes on it; the event tells the moderators. Audited (who wrote
 * what is for the auditor; the lists show only 居民).
 */
export async function writeStatement(
  tx: Tx,
  ctx: RequestContext,
  conversationId: string,
  input: AddStatementBody,
): Promise<WrittenStatement> {
  const tenantId = ctx.actor.tenantId;
  const homes = residentHomes(ctx.actor);
  const conversations = new ConversationRepository(tx);
  const row = await conversations.lock(tenantId, conversationId, { homes });
  if (!row) throw AppError.notFound(opinionMapNouns.conversation, conversationId);
  if (row.state !== 'open') throw AppError.of(opinionMapErrors.conversation_closed);
  const body = input.body.trim();
  if (!body) throw AppError.invalid([{ field: 'body', reason: 'is empty' }]);
  const statements = new StatementRepository(tx);
  if (await statements.hasText(tenantId, conversationId, body)) throw AppError.of(opinionMapErrors.duplicate_statement);
  const participantId = await new VoteRepository(tx).ensureParticipant(tenantId, conversationId, ctx.actor.accountId);
  const id = await statements.insert(tenantId, {
    conversationId,
    body,
    authorKind: 'resident',
    participantId,
    status: 'pending',
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'opinionMap.statement.submit', { type: 'opinion_statement', id }, { conversationId }));
  await emitEvents(tx, {
    tenantId,
    type: 'opinionMap.statement_submitted',
    aggregateType: 'opinion_statement',
    aggregateId: id,
    payload: { conversationId, nodeId: row.nodeId },
  });
  return { id, body, status: 'pending' };
}
