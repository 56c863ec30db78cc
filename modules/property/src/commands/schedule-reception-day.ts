import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference } from '@linli/territory';
import type { ReceptionDayDetail, ScheduleReceptionBody } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { ReceptionRepository } from '../reception.repository.ts';

/**
 * Schedules a property manager's reception day (物业经理接待日) in a compound of the caller's scope,
 * for the company serving it now (its property profile's company: a compound without one is refused).
 * Audited.
 */
export async function scheduleReceptionDay(tx: Tx, ctx: RequestContext, input: ScheduleReceptionBody): Promise<ReceptionDayDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  await requireReferences(tx, ctx.actor, scope, { compoundId: input.compoundId }, { compoundId: placeReference });
  const profile = await new ProfileRepository(tx).findById(tenantId, input.compoundId, scope);
  if (!profile) throw AppError.notFound(propertyNouns.profile, input.compoundId);
  if (!profile.companyId) throw AppError.of(propertyErrors.reception_no_company, { compound: profile.compoundName });
  const [from, to] = input.hours.split('-') as [string, string];
  if (from >= to) throw AppError.invalid([{ field: 'hours', reason: 'ends before it starts' }]);
  const receptions = new ReceptionRepository(tx);
  const id = await receptions.insert(tenantId, {
    compoundId: input.compoundId,
    companyId: profile.companyId,
    heldOn: input.heldOn,
    hours: input.hours,
    place: input.place.trim(),
    hostName: input.hostName.trim(),
    by: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.reception.schedule',
      { type: 'property_reception_day', id },
      { compoundId: input.compoundId, companyId: profile.companyId, heldOn: input.heldOn, hours: input.hours },
    ),
  );
  const saved = await receptions.findById(tenantId, id, scope);
  if (!saved) throw AppError.notFound(propertyNouns.receptionDay, id);
  return saved;
}
