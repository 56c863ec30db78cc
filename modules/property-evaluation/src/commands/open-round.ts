import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { OpenRoundBody, Round } from '../contract.ts';
import { propertyEvaluationErrors } from '../errors.ts';
import { RoundRepository } from '../round.repository.ts';

/**
 * Opens a round of property-service evaluation (物业服务测评) for a quarter over a county, street or
 * community in the caller's scope: its residents rate their compound's service on the phone between
 * the two dates, one rating per household. One round per place and quarter.
 */
export async function openRound(tx: Tx, ctx: RequestContext, input: OpenRoundBody): Promise<Round> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'propertyEvaluation.write');
  // A place outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (!place || !['county', 'subdistrict', 'community'].includes(place.kind)) {
    throw AppError.of(propertyEvaluationErrors.not_a_place_for_rounds, { place: place?.name ?? input.nodeId });
  }
  if (input.closesOn < input.opensOn) throw AppError.of(propertyEvaluationErrors.dates_out_of_order);
  const rounds = new RoundRepository(tx);
  if (await rounds.periodTaken(tenantId, input.nodeId, input.period)) {
    throw AppError.of(propertyEvaluationErrors.period_taken, { place: place.name, period: input.period });
  }
  const id = await rounds.insert(tenantId, { ...input, createdBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'propertyEvaluation.round.open',
      { type: 'property_evaluation_round', id },
      { period: input.period, nodeId: input.nodeId },
    ),
  );
  const created = await rounds.findById(tenantId, id, scope);
  // Opened at the same moment by someone else (the unique period): the same answer as above.
  if (!created) throw AppError.of(propertyEvaluationErrors.period_taken, { place: place.name, period: input.period });
  return created;
}
