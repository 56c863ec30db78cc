import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { UpdateScenarioBody } from '../contract.ts';
import { ScenarioRepository } from '../scenario.repository.ts';
import { mergeParameters, requireChangeable, scenarioForWrite } from '../scenario-access.ts';

/**
 * Renames a scenario or changes its parameters (cost parameters, bounds, reach, time limit). A plan
 * made before no longer answers new parameters: the scenario is a draft again until solved. Audited.
 */
export async function updateScenario(tx: Tx, ctx: RequestContext, id: string, input: UpdateScenarioBody): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'serviceClusters.write');
  const scenario = await scenarioForWrite(tx, tenantId, id, scope);
  requireChangeable(scenario);
  const name = input.name === undefined ? scenario.name : input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const parameters = mergeParameters(scenario.parameters, input.parameters);
  const planChanged = JSON.stringify(parameters) !== JSON.stringify(mergeParameters(scenario.parameters, {}));
  await new ScenarioRepository(tx).update(tenantId, id, { name, parameters, planChanged });
  await recordAudit(
    tx,
    auditEntry(ctx, 'serviceClusters.scenario.update', { type: 'cluster_scenario', id }, { name, parameters: input.parameters ?? null }),
  );
}
