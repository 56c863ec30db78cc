import type { Db } from '@linli/db';
import { CriteriaRepository } from './criteria.repository.ts';
import { type HistoryRow, ProfileRepository } from './profile.repository.ts';
import { computeStatus } from './vocabulary.ts';

/**
 * Recomputes the status of the tenant's profiles (all, or the given compounds) under the county's
 * current criteria, stores the changed ones and writes a history entry for each change of the
 * computed status (an overridden profile keeps its override; its computed value still changes and is recorded).
 * Runs inside the write's transaction. Returns the number of profiles whose computed status changed.
 */
export async function recomputeStatuses(
  tx: Db,
  tenantId: string,
  options: {
    compoundIds?: string[];
    changedBy?: string | null;
    reason?: string | null;
    /** A reason per compound (e.g. the evaluation score that moved it), before `reason`. */
    reasons?: ReadonlyMap<string, string>;
  } = {},
): Promise<number> {
  const profiles = new ProfileRepository(tx);
  const criteria = await new CriteriaRepository(tx).current(tenantId);
  const inputs = await profiles.statusInputs(tenantId, options.compoundIds);
  const changes: { compoundId: string; status: ReturnType<typeof computeStatus> }[] = [];
  const history: HistoryRow[] = [];
  for (const p of inputs) {
    const status = computeStatus(
      {
        hasContract: p.hasContract,
        companyKind: p.companyKind,
        collectionRate: p.collectionRate === null ? null : Number(p.collectionRate),
        satisfaction: p.satisfaction === null ? null : Number(p.satisfaction),
        evaluationScore: p.evaluationScore === null ? null : Number(p.evaluationScore),
      },
      criteria,
    );
    if (status === p.computedStatus) continue;
    changes.push({ compoundId: p.compoundId, status });
    history.push({
      compoundId: p.compoundId,
      source: 'computed',
      statusFrom: p.computedStatus,
      statusTo: status,
      serviceMode: p.serviceMode,
      companyId: p.companyId,
      criteriaVersion: criteria.version,
      reason: options.reasons?.get(p.compoundId) ?? options.reason ?? null,
      changedBy: options.changedBy ?? null,
    });
  }
  await profiles.setComputed(tenantId, changes);
  await profiles.addHistory(tenantId, history);
  return changes.length;
}
