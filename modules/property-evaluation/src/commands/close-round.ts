import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Round } from '../contract.ts';
import { propertyEvaluationErrors, propertyEvaluationNouns } from '../errors.ts';
import { RoundRepository } from '../round.repository.ts';

/** Closes a round: no more ratings; its ranking is final and shown to residents as the last result. */
export async function closeRound(tx: Tx, ctx: RequestContext, id: string): Promise<Round> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'propertyEvaluation.write');
  const rounds = new RoundRepository(tx);
  const round = await rounds.findById(tenantId, id, scope);
  if (!round) throw AppError.notFound(propertyEvaluationNouns.round, id);
  if (!(await rounds.close(tenantId, id))) throw AppError.of(propertyEvaluationErrors.round_closed, { period: round.period });
  await recordAudit(
    tx,
    auditEntry(ctx, 'propertyEvaluation.round.close', { type: 'property_evaluation_round', id }, { ratings: round.ratings }),
  );
  return { ...round, status: 'closed' };
}
