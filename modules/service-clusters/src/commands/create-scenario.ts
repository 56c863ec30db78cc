import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { type CreateScenarioBody, defaultParameters, type ScenarioCompound } from '../contract.ts';
import { serviceClustersErrors } from '../errors.ts';
import { type CompoundEconomics, propertyPort } from '../property-port.ts';
import { ScenarioRepository } from '../scenario.repository.ts';
import { mergeParameters } from '../scenario-access.ts';

const PLACE_KINDS = ['county', 'subdistrict', 'community'];

/**
 * Makes a scenario of the cluster planner for a place in the caller's scope: its parameters (the
 * county defaults with the given changes) and a snapshot of the economics of the compounds under the
 * place, as the property profiles give them now. Audited, with its domain event.
 */
export async function createScenario(tx: Tx, ctx: RequestContext, input: CreateScenarioBody): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'serviceClusters.write');
  // A place outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (!place || !PLACE_KINDS.includes(place.kind)) {
    throw AppError.invalid([{ field: 'nodeId', reason: 'is not a county, subdistrict or community' }]);
  }
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const parameters = mergeParameters(defaultParameters, input.parameters);
  let economics: CompoundEconomics[];
  try {
    economics = await propertyPort.compoundEconomics(tx, { tenantId, paths: scope }, input.nodeId);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.of(serviceClustersErrors.inputs_unavailable);
  }
  const inputs: ScenarioCompound[] = economics
    .map((c) => ({
      compoundId: c.compoundId,
      name: c.name,
      communityId: c.communityId,
      communityName: c.communityName,
      lat: c.lat,
      lng: c.lng,
      households: Math.max(0, Math.round(c.households)),
      floorAreaM2: Math.max(0, c.floorAreaM2),
      feePerM2Month: Math.max(0, c.feePerM2Month),
      collectionRate: Math.min(1, Math.max(0, c.collectionRate)),
      status: c.status,
      serviceMode: c.serviceMode,
      companyId: c.companyId,
      clusterId: c.clusterId,
    }))
    .sort((a, b) => a.compoundId.localeCompare(b.compoundId));
  const scenarios = new ScenarioRepository(tx);
  const id = await scenarios.insert(tenantId, { nodeId: input.nodeId, name, parameters, inputs, createdBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(ctx, 'serviceClusters.scenario.create', { type: 'cluster_scenario', id }, { name, compounds: inputs.length }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'serviceClusters.scenario_created',
    aggregateType: 'cluster_scenario',
    aggregateId: id,
    payload: { nodeId: input.nodeId },
  });
  return { id };
}
