import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { VoteBody, VoteResult } from '../contract.ts';
import { ConversationRepository } from '../conversation.repository.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';
import { residentHomes } from '../participation.ts';
import { StatementRepository } from '../statement.repository.ts';
import { voteValue } from '../vocabulary.ts';
import { VoteRepository } from '../vote.repository.ts';

/**
 * A resident votes agree / disagree / pass on an approved statement of an open conversation of a
 * place they live under. One vote per participant and statement: voting again changes it. The
 * conversation row is locked, so concurrent votes are applied one after the other and the map's data
 * version moves with each change. Votes are not written to the audit trail: the trail names the
 * account, and how a resident voted is theirs alone.
 */
export async function castVote(tx: Tx, ctx: RequestContext, statementId: string, input: VoteBody): Promise<VoteResult> {
  const tenantId = ctx.actor.tenantId;
  const homes = residentHomes(ctx.actor);
  const statements = new StatementRepository(tx);
  const conversationId = await statements.conversationOf(tenantId, statementId);
  const conversations = new ConversationRepository(tx);
  const row = conversationId ? await conversations.lock(tenantId, conversationId, { homes }) : undefined;
  if (!row || !conversationId) throw AppError.notFound(opinionMapNouns.statement, statementId);
  const statement = await statements.lock(tenantId, conversationId, statementId);
  if (!statement) throw AppError.notFound(opinionMapNouns.statement, statementId);
  if (row.state !== 'open') throw AppError.of(opinionMapErrors.conversation_closed);
  if (statement.status !== 'approved') throw AppError.of(opinionMapErrors.statement_not_open);
  const votes = new VoteRepository(tx);
  const participantId = await votes.ensureParticipant(tenantId, conversationId, ctx.actor.accountId);
  const value = voteValue[input.value];
  if ((await votes.current(tenantId, statementId, participantId)) !== value) {
    await votes.upsert(tenantId, { conversationId, statementId, participantId, value });
    await conversations.touch(tenantId, conversationId);
  }
  return { statementId, value: input.value, voted: await votes.countFor(tenantId, conversationId, participantId) };
}
