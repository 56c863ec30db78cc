import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { ContractRepository } from '../contract.repository.ts';
import type { RenewalDecision, RenewalDecisionBody } from '../contract.ts';
import { propertyNouns } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { propertyContractReference } from '../references.ts';

/**
 * Records a renewal decision on a contract in the caller's scope — renew (续聘), rectify (整改) or
 * terminate (解聘) — with a reason, who and when, and the compound's evaluation scores at that moment
 * (read here, the same list the decision dialog showed: the decision keeps what it was based on even
 * when later rounds add scores). Audited.
 */
export async function recordRenewalDecision(
  tx: Tx,
  ctx: RequestContext,
  contractId: string,
  input: RenewalDecisionBody,
): Promise<RenewalDecision> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  await requireReferences(tx, ctx.actor, scope, { contractId }, { contractId: propertyContractReference });
  const reason = input.reason.trim();
  if (!reason) throw AppError.invalid([{ field: 'reason', reason: 'is empty' }]);
  const contracts = new ContractRepository(tx);
  const contract = await contracts.findById(tenantId, contractId, scope);
  if (!contract) throw AppError.notFound(propertyNouns.contract, contractId);
  const basis = await new ProfileRepository(tx).scores(tenantId, contract.compoundId);
  const id = await contracts.addDecision(tenantId, {
    contractId,
    decision: input.decision,
    reason,
    basis,
    by: ctx.actor.accountId,
    byName: ctx.actor.displayName,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.contract.renewal_decision',
      { type: 'property_contract', id: contractId },
      { decisionId: id, decision: input.decision, scores: basis.map((b) => `${b.period}:${b.score}`) },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'property.renewal_decided',
    aggregateType: 'property_contract',
    aggregateId: contractId,
    payload: { decision: input.decision },
  });
  const saved = (await contracts.decisions(tenantId, contractId)).find((d) => d.id === id);
  if (!saved) throw AppError.notFound(propertyNouns.contract, contractId);
  return saved;
}
