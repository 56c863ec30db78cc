import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { EndReceptionBody, ReceptionDayDetail } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ReceptionRepository } from '../reception.repository.ts';

/** Closes a scheduled reception day of the caller's scope as held (with a summary) or cancelled. Audited. */
export async function endReceptionDay(
  tx: Tx,
  ctx: RequestContext,
  receptionId: string,
  input: EndReceptionBody,
): Promise<ReceptionDayDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const receptions = new ReceptionRepository(tx);
  const day = await receptions.lock(tenantId, receptionId, scope);
  if (!day) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  if (day.status !== 'scheduled') throw AppError.of(propertyErrors.reception_ended);
  await receptions.end(tenantId, receptionId, input.status, input.summary?.trim() || null);
  await recordAudit(
    tx,
    auditEntry(ctx, 'property.reception.end', { type: 'property_reception_day', id: receptionId }, { status: input.status }),
  );
  const saved = await receptions.findById(tenantId, receptionId, scope);
  if (!saved) throw AppError.notFound(propertyNouns.receptionDay, receptionId);
  return saved;
}
