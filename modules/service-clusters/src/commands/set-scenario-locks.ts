import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { SetLocksBody } from '../contract.ts';
import { isIncluded } from '../plan-inputs.ts';
import { ScenarioRepository } from '../scenario.repository.ts';
import { requireChangeable, scenarioForWrite } from '../scenario-access.ts';

/**
 * Sets the hand-made locks of a scenario: each compound pinned to an anchor compound's cluster, kept
 * when the scenario is solved again. Both must be planned compounds of the scenario (400 naming the
 * lock otherwise), and an anchor cannot itself be locked into another cluster. Audited.
 */
export async function setScenarioLocks(tx: Tx, ctx: RequestContext, id: string, input: SetLocksBody): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'serviceClusters.write');
  const scenario = await scenarioForWrite(tx, tenantId, id, scope);
  requireChangeable(scenario);
  const planned = new Set(scenario.inputs.filter((c) => isIncluded(c, scenario.parameters)).map((c) => c.compoundId));
  const byCompound = new Map<string, string>();
  const problems: { field: string; reason: string }[] = [];
  input.locks.forEach((lock, i) => {
    const compoundId = lock.compoundId.toLowerCase();
    const anchorId = lock.anchorCompoundId.toLowerCase();
    if (!planned.has(compoundId)) problems.push({ field: `locks[${i}].compoundId`, reason: 'is not a planned compound of the scenario' });
    if (!planned.has(anchorId)) {
      problems.push({ field: `locks[${i}].anchorCompoundId`, reason: 'is not a planned compound of the scenario' });
    }
    if (byCompound.has(compoundId)) problems.push({ field: `locks[${i}].compoundId`, reason: 'is locked twice' });
    byCompound.set(compoundId, anchorId);
  });
  for (const [i, lock] of input.locks.entries()) {
    const anchor = lock.anchorCompoundId.toLowerCase();
    const anchorsOwn = byCompound.get(anchor);
    if (anchor !== lock.compoundId.toLowerCase() && anchorsOwn !== undefined && anchorsOwn !== anchor) {
      problems.push({ field: `locks[${i}].anchorCompoundId`, reason: 'is itself locked into another cluster' });
    }
  }
  if (problems.length > 0) throw AppError.invalid(problems);
  const locks = [...byCompound].map(([compoundId, anchorCompoundId]) => ({ compoundId, anchorCompoundId }));
  await new ScenarioRepository(tx).replaceLocks(tenantId, id, locks, ctx.actor.accountId);
  await recordAudit(tx, auditEntry(ctx, 'serviceClusters.scenario.lock', { type: 'cluster_scenario', id }, { locks: locks.length }));
}
