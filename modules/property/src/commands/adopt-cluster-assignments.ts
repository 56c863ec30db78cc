import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference } from '@linli/territory';
import type { ServiceMode } from '../contract.ts';
import { propertyErrors } from '../errors.ts';
import { ProfileRepository } from '../profile.repository.ts';
import { propertyCompanyReference } from '../references.ts';
import { recomputeStatuses } from '../status.ts';

export interface ClusterAssignments {
  scenarioId: string;
  reason: string;
  clusters: {
    clusterId: string;
    name: string;
    anchorCompoundId: string;
    companyId: string | null;
    compoundIds: string[];
    serviceMode: ServiceMode;
  }[];
}

/**
 * Records the adoption of a cluster plan (组团式服务): each compound's cluster, company (when the
 * cluster names one) and service mode, with the reason, in each profile's history. Every compound
 * and company must lie in the caller's property.write scope (else 404, nothing written); compounds
 * without a profile get one. The company assignment does not replace the compound's contract: the
 * status stays computed from the contract, collection and the company's kind, and is recomputed.
 */
export async function adoptClusterAssignments(tx: Tx, ctx: RequestContext, input: ClusterAssignments): Promise<{ changed: number }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const reason = input.reason.trim();
  if (!reason) throw AppError.invalid([{ field: 'reason', reason: 'is empty' }]);
  const seen = new Set<string>();
  for (const c of input.clusters) {
    for (const id of c.compoundIds) {
      if (seen.has(id))
        throw AppError.of(propertyErrors.compound_in_two_clusters, { compound: id }, [
          { field: 'clusters[].compoundIds', reason: 'twice' },
        ]);
      seen.add(id);
    }
  }
  const compoundIds = [...seen];
  const companyIds = [...new Set(input.clusters.map((c) => c.companyId).filter((id): id is string => id !== null))];
  await requireReferences(
    tx,
    ctx.actor,
    scope,
    { compoundIds, anchorCompoundIds: input.clusters.map((c) => c.anchorCompoundId), companyIds },
    { compoundIds: placeReference, anchorCompoundIds: placeReference, companyIds: propertyCompanyReference },
  );
  const profiles = new ProfileRepository(tx);
  const notCompound = await profiles.notCompounds(tenantId, compoundIds);
  if (notCompound.length)
    throw AppError.of(propertyErrors.not_a_compound, { place: notCompound[0] as string }, [
      { field: 'clusters[].compoundIds', reason: 'not a compound' },
    ]);
  await profiles.ensure(tenantId, compoundIds);
  const before = new Map((await profiles.statusInputs(tenantId, compoundIds)).map((p) => [p.compoundId, p]));
  let changed = 0;
  const history = [];
  for (const cluster of input.clusters) {
    for (const compoundId of cluster.compoundIds) {
      const was = before.get(compoundId);
      const companyId = cluster.companyId ?? was?.companyId ?? null;
      const differs =
        (was?.clusterId ?? null) !== cluster.clusterId ||
        was?.serviceMode !== cluster.serviceMode ||
        (was?.companyId ?? null) !== companyId;
      await profiles.update(tenantId, compoundId, {
        cluster: { id: cluster.clusterId, name: cluster.name, scenarioId: input.scenarioId },
        serviceMode: cluster.serviceMode,
        ...(cluster.companyId ? { companyId: cluster.companyId } : {}),
      });
      if (!differs) continue;
      changed++;
      history.push({
        compoundId,
        source: 'cluster' as const,
        statusFrom: was?.status ?? null,
        statusTo: was?.status ?? ('unmanaged' as const),
        serviceMode: cluster.serviceMode,
        companyId,
        clusterId: cluster.clusterId,
        reason,
        changedBy: ctx.actor.accountId,
      });
    }
  }
  await profiles.addHistory(tenantId, history);
  await recomputeStatuses(tx, tenantId, { compoundIds, changedBy: ctx.actor.accountId, reason });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.clusters.adopt',
      { type: 'service_cluster_scenario', id: input.scenarioId },
      {
        clusters: input.clusters.length,
        compounds: compoundIds.length,
        changed,
        reason,
      },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'property.clusters_adopted',
    aggregateType: 'service_cluster_scenario',
    aggregateId: input.scenarioId,
    payload: { changed },
  });
  return { changed };
}
