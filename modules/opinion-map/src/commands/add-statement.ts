import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AddStatementBody, Statement } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';
import { StatementRepository } from '../statement.repository.ts';

/** Staff add a statement to an open conversation: approved at once (staff are the moderators). Audited. */
export async function addStatement(tx: Tx, ctx: RequestContext, conversationId: string, input: AddStatementBody): Promise<Statement> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'opinionMap.write');
  const conversations = new ConversationRepository(tx);
  const row = await conversations.lock(tenantId, conversationId, { scope });
  if (!row) throw AppError.notFound(opinionMapNouns.conversation, conversationId);
  if (row.state !== 'open') throw AppError.of(opinionMapErrors.conversation_closed);
  const body = input.body.trim();
  if (!body) throw AppError.invalid([{ field: 'body', reason: 'is empty' }]);
  const statements = new StatementRepository(tx);
  if (await statements.hasText(tenantId, conversationId, body)) throw AppError.of(opinionMapErrors.duplicate_statement);
  const id = await statements.insert(tenantId, {
    conversationId,
    body,
    authorKind: 'staff',
    participantId: null,
    status: 'approved',
    createdBy: ctx.actor.accountId,
  });
  await conversations.touch(tenantId, conversationId);
  await recordAudit(tx, auditEntry(ctx, 'opinionMap.statement.add', { type: 'opinion_statement', id }, { conversationId, body }));
  const created = await statements.findById(tenantId, conversationId, id);
  if (!created) throw AppError.notFound(opinionMapNouns.statement, id);
  return created;
}
