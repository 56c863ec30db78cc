import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { ContractRepository } from '../contract.repository.ts';
import type { CreateContractBody, PropertyContract } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { propertyCompanyReference } from '../references.ts';
import { recomputeStatuses } from '../status.ts';

/**
 * Records a service contract (物业服务合同) of a company with a compound, both in the caller's
 * scope. Unless `makeCurrent` is false it becomes the compound's current contract: the profile is
 * created when missing, names the company, and its status is recomputed.
 */
export async function createContract(tx: Tx, ctx: RequestContext, input: CreateContractBody): Promise<PropertyContract> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  await requireReferences(tx, ctx.actor, scope, input, { companyId: propertyCompanyReference, compoundId: placeReference });
  const compound = await territory.node(tx, tenantId, input.compoundId);
  if (compound?.kind !== 'compound') throw AppError.of(propertyErrors.not_a_compound, { place: compound?.name ?? input.compoundId });
  const endsOn = input.endsOn ?? null;
  if (endsOn && endsOn < input.startsOn) throw AppError.invalid([{ field: 'endsOn', reason: 'is before startsOn' }]);
  const services = [...new Set((input.services ?? []).map((s) => s.trim()).filter(Boolean))];
  const contracts = new ContractRepository(tx);
  const id = await contracts.insert(tenantId, { ...input, endsOn, services, createdBy: ctx.actor.accountId });
  if (input.makeCurrent !== false) {
    const profiles = new ProfileRepository(tx);
    await profiles.ensure(tenantId, [input.compoundId]);
    await profiles.update(tenantId, input.compoundId, { contractId: id, companyId: input.companyId });
    await recomputeStatuses(tx, tenantId, { compoundIds: [input.compoundId], changedBy: ctx.actor.accountId, reason: 'contract' });
  }
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.contract.create',
      { type: 'property_contract', id },
      { companyId: input.companyId, compoundId: input.compoundId },
    ),
  );
  await emitEvents(tx, { tenantId, type: 'property.contract_created', aggregateType: 'property_contract', aggregateId: id, payload: {} });
  const created = await contracts.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(propertyNouns.contract, id);
  return created;
}
