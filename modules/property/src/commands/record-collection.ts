import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { ContractRepository } from '../contract.repository.ts';
import type { CollectionBody, PropertyContract } from '../contract.ts';
import { propertyNouns } from '../errors.ts';
import { recomputeStatuses } from '../status.ts';

/**
 * Records (or corrects) the fee collection rate (物业费收缴率) of a contract in the caller's scope
 * for a period; the status of the compound is recomputed when the contract is its current one.
 */
export async function recordCollection(tx: Tx, ctx: RequestContext, contractId: string, input: CollectionBody): Promise<PropertyContract> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const contracts = new ContractRepository(tx);
  const contract = await contracts.findById(tenantId, contractId, scope);
  if (!contract) throw AppError.notFound(propertyNouns.contract, contractId);
  await contracts.recordCollection(tenantId, contractId, input.period, input.rate, ctx.actor.accountId);
  await recomputeStatuses(tx, tenantId, {
    compoundIds: [contract.compoundId],
    changedBy: ctx.actor.accountId,
    reason: `collection ${input.period}`,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.collection.record',
      { type: 'property_contract', id: contractId },
      { period: input.period, rate: input.rate },
    ),
  );
  const updated = await contracts.findById(tenantId, contractId, scope);
  if (!updated) throw AppError.notFound(propertyNouns.contract, contractId);
  return updated;
}
