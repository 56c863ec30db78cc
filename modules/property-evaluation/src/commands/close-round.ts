import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { recordEvaluationScores } from '@linli/property';
import { computeCombinedScores } from '../combined-score.ts';
import type { Round } from '../contract.ts';
import { propertyEvaluationErrors, propertyEvaluationNouns } from '../errors.ts';
import { RoundRepository } from '../round.repository.ts';
import { ScoreRepository } from '../score.repository.ts';

/**
 * Closes a round: no more ratings. In the same transaction it computes the combined score of every
 * compound and company (ratings, demands, inspections under the county's current weights), keeps them
 * with the weights used — that is what is published to residents — and hands the compound scores to
 * the property module, whose management status takes them into account.
 */
export async function closeRound(tx: Tx, ctx: RequestContext, id: string, now = new Date()): Promise<Round> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'propertyEvaluation.write');
  const rounds = new RoundRepository(tx);
  const round = await rounds.findById(tenantId, id, scope);
  if (!round) throw AppError.notFound(propertyEvaluationNouns.round, id);
  if (!(await rounds.close(tenantId, id))) throw AppError.of(propertyEvaluationErrors.round_closed, { period: round.period });
  const combined = await computeCombinedScores(tx, tenantId, round, now);
  await new ScoreRepository(tx).saveResult(tenantId, {
    roundId: id,
    weights: combined.weights,
    from: combined.from,
    to: combined.to,
    closedBy: ctx.actor.accountId,
    compounds: combined.compounds,
    companies: combined.companies,
  });
  const { changed } = await recordEvaluationScores(tx, ctx, {
    round: { id, period: round.period },
    scores: combined.compounds.flatMap((r) =>
      r.combined === null ? [] : [{ compoundId: r.id, score: r.combined, companyId: combined.companyOf.get(r.id) ?? null }],
    ),
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'propertyEvaluation.round.close',
      { type: 'property_evaluation_round', id },
      { ratings: round.ratings, weightsVersion: combined.weights.version, compounds: combined.compounds.length, statusesChanged: changed },
    ),
  );
  return { ...round, status: 'closed' };
}
