import { AppError, auditEntry, type PersonalDataCipher, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { DemandRepository, submitDemand } from '@linli/demands';
import type { QuestionToDemandBody, ReceptionDayDetail } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ReceptionRepository } from '../reception.repository.ts';

/**
 * Turns a question raised at a reception day into a demand (诉求) through the demands module: taken in
 * as a walk-in (来访) at the household that raised it, or the compound, in the category the worker
 * chose; the demand's timeline says where it came from, and the question keeps its number. Once per
 * question; not from a cancelled day. Audited, in the same transaction as the demand.
 */
export async function receptionQuestionToDemand(
  tx: Tx,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  receptionId: string,
  questionId: string,
  input: QuestionToDemandBody,
): Promise<ReceptionDayDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const receptions = new ReceptionRepository(tx);
  const day = await receptions.lock(tenantId, receptionId, scope);
  if (!day) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  if (day.status === 'cancelled') throw AppError.of(propertyErrors.reception_cancelled);
  const question = await receptions.question(tenantId, receptionId, questionId);
  if (!question) throw AppError.notFound(propertyNouns.receptionQuestion, questionId);
  if (question.demandId) {
    const detail = await receptions.findById(tenantId, receptionId, scope);
    const number = detail?.questionList.find((q) => q.id === questionId)?.demandNumber ?? '';
    throw AppError.of(propertyErrors.question_has_demand, { number });
  }
  const demand = await submitDemand(tx, cipher, ctx, {
    channel: 'walk_in',
    type: input.type ?? 'help',
    categoryId: input.categoryId,
    description: `${question.question}\n（${day.heldOn} 物业经理接待日，${day.companyName}）`,
    nodeId: question.householdId ?? day.compoundId,
  });
  await new DemandRepository(tx).appendEvent({
    tenantId,
    demandId: demand.id,
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.displayName,
    action: 'from_reception_day',
    fromStatus: demand.status,
    toStatus: demand.status,
    note: `由 ${day.heldOn} 物业经理接待日转入`,
    data: { receptionId, questionId },
  });
  await receptions.linkDemand(tenantId, questionId, { id: demand.id, number: demand.number });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.reception.to_demand',
      { type: 'property_reception_day', id: receptionId },
      { questionId, demandId: demand.id, demandNumber: demand.number },
    ),
  );
  const saved = await receptions.findById(tenantId, receptionId, scope);
  if (!saved) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  return saved;
}
