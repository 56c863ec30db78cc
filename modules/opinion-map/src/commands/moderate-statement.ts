import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ModerateStatementBody, Statement } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns, statusNoun } from '../errors.ts';
import { StatementRepository } from '../statement.repository.ts';

/**
 * Approves or rejects a statement awaiting moderation. A rejection names its reason — `excluded_topic`
 * for a statement under the council's 负面清单 (the note says which entry) — and the author sees it.
 * Audited; approving changes what the map is computed from.
 */
export async function moderateStatement(
  tx: Tx,
  ctx: RequestContext,
  statementId: string,
  input: ModerateStatementBody,
): Promise<Statement> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'opinionMap.write');
  const statements = new StatementRepository(tx);
  const conversationId = await statements.conversationOf(tenantId, statementId);
  const conversations = new ConversationRepository(tx);
  const row = conversationId ? await conversations.lock(tenantId, conversationId, { scope }) : undefined;
  if (!row || !conversationId) throw AppError.notFound(opinionMapNouns.statement, statementId);
  if (input.decision === 'reject' && !input.reason)
    throw AppError.of(opinionMapErrors.reason_required, {}, [{ field: 'reason', reason: 'is required to reject' }]);
  if (input.decision === 'approve' && input.reason) throw AppError.invalid([{ field: 'reason', reason: 'only a rejection has a reason' }]);
  const current = await statements.lock(tenantId, conversationId, statementId);
  if (!current) throw AppError.notFound(opinionMapNouns.statement, statementId);
  if (current.status !== 'pending') throw AppError.of(opinionMapErrors.already_moderated, { status: statusNoun(current.status) });
  const status = input.decision === 'approve' ? 'approved' : 'rejected';
  await statements.moderate(tenantId, statementId, {
    status,
    reason: input.reason ?? null,
    note: input.note?.trim() || null,
    by: ctx.actor.accountId,
  });
  if (status === 'approved') await conversations.touch(tenantId, conversationId);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      `opinionMap.statement.${input.decision}`,
      { type: 'opinion_statement', id: statementId },
      { conversationId, reason: input.reason ?? null },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'opinionMap.statement_moderated',
    aggregateType: 'opinion_statement',
    aggregateId: statementId,
    payload: { conversationId, status },
  });
  const moderated = await statements.findById(tenantId, conversationId, statementId);
  if (!moderated) throw AppError.notFound(opinionMapNouns.statement, statementId);
  return moderated;
}
