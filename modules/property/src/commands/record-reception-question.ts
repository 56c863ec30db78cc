import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ReceptionDayDetail, ReceptionQuestionBody } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ReceptionRepository } from '../reception.repository.ts';

/**
 * Records a question a resident raised at a reception day of the caller's scope, with the answer the
 * manager gave and, when the resident said, their household (one of the compound's; no name is kept).
 * Not on a cancelled day. Audited.
 */
export async function recordReceptionQuestion(
  tx: Tx,
  ctx: RequestContext,
  receptionId: string,
  input: ReceptionQuestionBody,
): Promise<ReceptionDayDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const receptions = new ReceptionRepository(tx);
  const day = await receptions.lock(tenantId, receptionId, scope);
  if (!day) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  if (day.status === 'cancelled') throw AppError.of(propertyErrors.reception_cancelled);
  const householdId = input.householdId ?? null;
  if (householdId && (await receptions.notHouseholdsOf(tenantId, day.compoundPath, [householdId])).length > 0) {
    throw AppError.of(propertyErrors.household_not_in_compound);
  }
  const id = await receptions.addQuestion(tenantId, {
    receptionId,
    householdId,
    question: input.question.trim(),
    answer: input.answer?.trim() || null,
    by: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'property.reception.question', { type: 'property_reception_day', id: receptionId }, { questionId: id, householdId }),
  );
  const saved = await receptions.findById(tenantId, receptionId, scope);
  if (!saved) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  return saved;
}
