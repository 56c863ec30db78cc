import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Weights, WeightsBody } from '../contract.ts';
import { requireCountyWrite } from '../county.ts';
import { ScoreRepository } from '../score.repository.ts';

/**
 * Sets a new version of the county's weights of the combined score (residents' ratings, demands,
 * inspections; they need not add up to 1 — the score divides by the weights of the parts present).
 * County staff only; rounds closed afterwards keep the version they used. Audited.
 */
export async function setWeights(tx: Tx, ctx: RequestContext, input: WeightsBody): Promise<Weights> {
  await requireCountyWrite(tx, ctx.actor, '物业服务测评权重');
  if (input.residents + input.demands + input.inspections <= 0)
    throw AppError.invalid([{ field: 'residents', reason: 'at least one weight must be above 0' }]);
  const scores = new ScoreRepository(tx);
  const version = await scores.addWeights(ctx.actor.tenantId, {
    ...input,
    note: input.note?.trim() || undefined,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'propertyEvaluation.weights.set', { type: 'property_evaluation_weights', id: null }, { version, ...input }),
  );
  return scores.currentWeights(ctx.actor.tenantId);
}
