import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { CompoundProfileDetail, OverrideBody } from '../contract.ts';
import { propertyNouns } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';

/**
 * Overrides the management status of a compound's profile in the caller's scope with a reason
 * (required), or clears the override (status null) so that the computed status applies again. Kept
 * in the history with who and why.
 */
export async function overrideStatus(tx: Tx, ctx: RequestContext, compoundId: string, input: OverrideBody): Promise<CompoundProfileDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const reason = input.reason.trim();
  if (!reason) throw AppError.invalid([{ field: 'reason', reason: 'is empty' }]);
  const profiles = new ProfileRepository(tx);
  const before = await profiles.findById(tenantId, compoundId, scope);
  if (!before) throw AppError.notFound(propertyNouns.profile, compoundId);
  await profiles.update(tenantId, compoundId, { override: { status: input.status, reason: input.status ? reason : null } });
  await profiles.addHistory(tenantId, [
    {
      compoundId,
      source: input.status ? 'override' : 'override_cleared',
      statusFrom: before.status,
      statusTo: input.status ?? before.computedStatus,
      serviceMode: before.serviceMode,
      companyId: before.companyId,
      reason,
      changedBy: ctx.actor.accountId,
    },
  ]);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.status.override',
      { type: 'property_profile', id: compoundId },
      { from: before.status, to: input.status, reason },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'property.status_overridden',
    aggregateType: 'property_profile',
    aggregateId: compoundId,
    payload: {},
  });
  const saved = await profiles.findById(tenantId, compoundId, scope);
  if (!saved) throw AppError.notFound(propertyNouns.profile, compoundId);
  return { ...saved, history: await profiles.history(tenantId, compoundId) };
}
