import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { propertyCompanyReference } from '@linli/property';
import type { AdoptScenarioBody, ScenarioCompound, ServiceMode } from '../contract.ts';
import { serviceClustersErrors } from '../errors.ts';
import { propertyPort } from '../property-port.ts';
import { ScenarioRepository } from '../scenario.repository.ts';
import { scenarioForWrite } from '../scenario-access.ts';

/**
 * The service mode a cluster gets unless the adoption names one: a market company where every member
 * is well managed, the community with a state-owned company where none had any management (无人管),
 * a state-owned company's takeover otherwise (服务差).
 */
export function defaultServiceMode(members: (ScenarioCompound | undefined)[]): ServiceMode {
  const statuses = members.map((m) => m?.status ?? null);
  if (statuses.every((s) => s === 'well')) return 'market';
  if (statuses.every((s) => s === 'unmanaged')) return 'community_state_owned';
  return 'state_owned_takeover';
}

/**
 * Adopts a solved scenario: each compound's cluster, company and service mode are recorded in the
 * property profiles (property's adoptClusterAssignments, with the reason and history), the scenario
 * records who adopted it and when, and earlier adopted scenarios that planned any of the same
 * compounds are superseded. Only a solved scenario with a current plan (409 otherwise). Audited.
 */
export async function adoptScenario(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: AdoptScenarioBody,
): Promise<{ changed: number; superseded: string[] }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'serviceClusters.write');
  const scenario = await scenarioForWrite(tx, tenantId, id, scope);
  // A company outside the caller's scope answers exactly like one that does not exist.
  const companyIds = (input.clusters ?? []).flatMap((c) => (c.companyId ? [c.companyId] : []));
  await requireReferences(tx, ctx.actor, scope, { companyId: companyIds }, { companyId: propertyCompanyReference });
  if (scenario.status === 'adopted' || scenario.status === 'superseded') {
    throw AppError.of(serviceClustersErrors.adopted, { name: scenario.name });
  }
  if (scenario.status !== 'solved') throw AppError.of(serviceClustersErrors.not_solved, { name: scenario.name });
  const scenarios = new ScenarioRepository(tx);
  const clusters = await scenarios.clustersOf(tenantId, id);
  const byId = new Map(clusters.map((c) => [c.id, c]));
  const choices = new Map<string, NonNullable<AdoptScenarioBody['clusters']>[number]>();
  const problems: { field: string; reason: string }[] = [];
  for (const [i, choice] of (input.clusters ?? []).entries()) {
    const clusterId = choice.clusterId.toLowerCase();
    if (!byId.has(clusterId)) problems.push({ field: `clusters[${i}].clusterId`, reason: 'is not a cluster of the scenario' });
    else choices.set(clusterId, choice);
  }
  if (problems.length > 0) throw AppError.invalid(problems);
  const compounds = new Map(scenario.inputs.map((c) => [c.compoundId, c]));
  const adopted = clusters.map((c) => {
    const choice = choices.get(c.id);
    const compoundIds = c.members.map((m) => m.compoundId);
    return {
      clusterId: c.id,
      name: choice?.name?.trim() || c.name,
      anchorCompoundId: c.anchorCompoundId,
      companyId: choice?.companyId ?? null,
      compoundIds,
      serviceMode: choice?.serviceMode ?? defaultServiceMode(compoundIds.map((m) => compounds.get(m))),
    };
  });
  const reason = input.reason?.trim() || `采纳组团方案「${scenario.name}」`;
  const { changed } = await propertyPort.adoptClusterAssignments(tx, ctx, { scenarioId: id, reason, clusters: adopted });
  for (const c of adopted) await scenarios.setClusterAdoption(tenantId, c.clusterId, c);
  const superseded = await scenarios.markAdopted(tenantId, id, ctx.actor.accountId);
  await recordAudit(
    tx,
    auditEntry(ctx, 'serviceClusters.scenario.adopt', { type: 'cluster_scenario', id }, { clusters: adopted.length, changed, superseded }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'serviceClusters.scenario_adopted',
    aggregateType: 'cluster_scenario',
    aggregateId: id,
    payload: { clusters: adopted.length, superseded },
  });
  return { changed, superseded };
}
