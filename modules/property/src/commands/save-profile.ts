import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { ContractRepository } from '../contract.repository.ts';
import type { CompoundProfileDetail, SaveProfileBody } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { propertyContractReference } from '../references.ts';
import { recomputeStatuses } from '../status.ts';

/**
 * Creates or changes the property profile (小区物业档案) of a compound in the caller's scope: floor
 * area, current contract (and with it the company), surveyed satisfaction, service mode. The status
 * is recomputed; a change of service mode is kept in the history.
 */
export async function saveProfile(tx: Tx, ctx: RequestContext, compoundId: string, input: SaveProfileBody): Promise<CompoundProfileDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  await requireReferences(
    tx,
    ctx.actor,
    scope,
    { compoundId, contractId: input.contractId },
    {
      compoundId: placeReference,
      contractId: propertyContractReference,
    },
  );
  const compound = await territory.node(tx, tenantId, compoundId);
  if (compound?.kind !== 'compound') throw AppError.of(propertyErrors.not_a_compound, { place: compound?.name ?? compoundId });
  let companyId: string | null | undefined;
  if (input.contractId) {
    const contract = await new ContractRepository(tx).findById(tenantId, input.contractId, scope);
    if (contract?.compoundId !== compoundId) {
      throw AppError.of(propertyErrors.contract_of_other_compound, undefined, [{ field: 'contractId', reason: 'of another compound' }]);
    }
    companyId = contract.companyId;
  } else if (input.contractId === null) companyId = null;
  const profiles = new ProfileRepository(tx);
  await profiles.ensure(tenantId, [compoundId]);
  const before = await profiles.findById(tenantId, compoundId, scope);
  if (!before) throw AppError.notFound(propertyNouns.profile, compoundId);
  await profiles.update(tenantId, compoundId, {
    floorAreaM2: input.floorAreaM2,
    contractId: input.contractId,
    companyId,
    satisfaction: input.satisfaction,
    serviceMode: input.serviceMode,
  });
  if (input.serviceMode !== undefined && input.serviceMode !== before.serviceMode) {
    await profiles.addHistory(tenantId, [
      {
        compoundId,
        source: 'profile',
        statusFrom: before.status,
        statusTo: before.status,
        serviceMode: input.serviceMode,
        companyId: companyId === undefined ? before.companyId : companyId,
        changedBy: ctx.actor.accountId,
      },
    ]);
  }
  await recomputeStatuses(tx, tenantId, { compoundIds: [compoundId], changedBy: ctx.actor.accountId, reason: 'profile' });
  await recordAudit(tx, auditEntry(ctx, 'property.profile.save', { type: 'property_profile', id: compoundId }, { ...input }));
  await emitEvents(tx, {
    tenantId,
    type: 'property.profile_saved',
    aggregateType: 'property_profile',
    aggregateId: compoundId,
    payload: {},
  });
  const saved = await profiles.findById(tenantId, compoundId, scope);
  if (!saved) throw AppError.notFound(propertyNouns.profile, compoundId);
  return { ...saved, history: await profiles.history(tenantId, compoundId) };
}
