import { auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { CriteriaRepository } from '../criteria.repository.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { recomputeStatuses } from '../status.ts';

export interface EvaluationScores {
  /** The closed evaluation round (property-evaluation's id) and its quarter, e.g. 2026-Q3. */
  round: { id: string; period: string };
  /** The combined score (0–100) of each compound evaluated, with the company that served it. */
  scores: { compoundId: string; score: number; companyId: string | null }[];
}

/**
 * Takes the compound scores of a closed property-service evaluation round (物业服务测评, handed over
 * by the property-evaluation module in the transaction that closes the round): keeps them per compound
 * and round, makes them each profile's latest score, and recomputes those compounds' status — under
 * criteria with a minimum evaluation score, a compound below it is no longer 管得好, and the history
 * says which round and score moved it. The caller has already checked that the actor may close the
 * round over these compounds. Returns how many computed statuses changed.
 */
export async function recordEvaluationScores(tx: Tx, ctx: RequestContext, input: EvaluationScores): Promise<{ changed: number }> {
  const tenantId = ctx.actor.tenantId;
  const scores = input.scores.filter((s) => Number.isFinite(s.score));
  if (scores.length === 0) return { changed: 0 };
  await new ProfileRepository(tx).recordScores(tenantId, input.round, scores);
  const criteria = await new CriteriaRepository(tx).current(tenantId);
  const minimum = criteria.wellMinEvaluationScore;
  const reasons = new Map(
    scores.map((s) => [
      s.compoundId,
      minimum === null
        ? `物业服务测评 ${input.round.period}：综合得分 ${s.score}`
        : `物业服务测评 ${input.round.period}：综合得分 ${s.score}（标准 v${criteria.version}：管得好须不低于 ${minimum}）`,
    ]),
  );
  const changed = await recomputeStatuses(tx, tenantId, {
    compoundIds: scores.map((s) => s.compoundId),
    changedBy: ctx.actor.accountId,
    reasons,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.evaluation_scores.record',
      { type: 'property_evaluation_round', id: input.round.id },
      { period: input.round.period, compounds: scores.length, changed },
    ),
  );
  return { changed };
}
