import { shanghaiDay } from '@linli/calendar';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import type { RateBody } from '../contract.ts';
import { propertyEvaluationErrors, propertyEvaluationNouns } from '../errors.ts';
import { residentHousehold } from '../resident.ts';
import { RoundRepository } from '../round.repository.ts';
import { quarterDays } from '../vocabulary.ts';

/**
 * A resident rates their compound's property service in an open round, on their phone: 1–5 on each
 * dimension and a comment. One rating per household per round (a second answers 409 and changes
 * nothing); the company serving the compound at that moment is recorded with the rating.
 *
 * Who resolves demands cannot rate (谁办理谁不能评), refused with 403 and nothing written:
 * - an account holding the property_staff role on the compound or a place above it — the staff of the
 *   company serving it (property staff are granted on the compounds their company serves);
 * - an account that started or resolved a demand located in the compound during the round's quarter
 *   (from the demands timeline), whatever its role.
 * Other staff roles living in the compound (a county clerk, a grid worker elsewhere) rate like any household.
 */
export async function ratePropertyService(tx: Tx, ctx: RequestContext, input: RateBody, now = new Date()) {
  const tenantId = ctx.actor.tenantId;
  const household = residentHousehold(ctx.actor);
  if (!household) throw AppError.of(propertyEvaluationErrors.resident_only);
  const rounds = new RoundRepository(tx);
  // A round not over the household answers like an unknown one.
  const round = await rounds.roundOver(tenantId, input.roundId, household.path);
  if (!round) throw AppError.notFound(propertyEvaluationNouns.round, input.roundId);
  const { period } = round;
  if (round.status !== 'open') throw AppError.of(propertyEvaluationErrors.round_closed, { period });
  // Rounds open and close on China days.
  const today = shanghaiDay(now);
  if (today < round.opensOn || today > round.closesOn) {
    throw AppError.of(propertyEvaluationErrors.round_not_open_today, { period, opensOn: round.opensOn, closesOn: round.closesOn });
  }
  const compound = await territory.ancestorOfKind(tx, tenantId, household.path, 'compound');
  if (!compound) throw AppError.of(propertyEvaluationErrors.not_in_a_compound);
  if (ctx.actor.grants.some((g) => g.role === 'property_staff' && (compound.path === g.path || compound.path.startsWith(`${g.path}.`))))
    throw AppError.of(propertyEvaluationErrors.staff_cannot_rate, { compound: compound.name });
  const [from, to] = quarterDays(period);
  if (await rounds.handledDemandsIn(tenantId, ctx.actor.accountId, compound.path, from, to))
    throw AppError.of(propertyEvaluationErrors.handler_cannot_rate, { compound: compound.name, period });
  const company = await rounds.companyOf(tenantId, compound.id);
  const comment = input.comment?.trim() || null;
  const added = await rounds.addRating(tenantId, {
    ...input,
    compoundId: compound.id,
    householdId: household.id,
    accountId: ctx.actor.accountId,
    company,
    comment,
  });
  if (!added) throw AppError.of(propertyEvaluationErrors.already_rated);
  await recordAudit(
    tx,
    auditEntry(ctx, 'propertyEvaluation.rate', { type: 'property_evaluation_round', id: round.id }, { compoundId: compound.id }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'propertyEvaluation.rated',
    aggregateType: 'property_evaluation_round',
    aggregateId: round.id,
    payload: { compoundId: compound.id, companyId: company?.id ?? null },
  });
  return { roundId: round.id, compound: { id: compound.id, name: compound.name }, company: company ?? null };
}
