import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { serviceClustersErrors } from '../errors.ts';
import { planInput } from '../plan-inputs.ts';
import type { PlanCompound, PlanParameters, PlanPin } from '../planner.ts';
import { type ScenarioRecord, ScenarioRepository } from '../scenario.repository.ts';
import { requireChangeable, scenarioForWrite } from '../scenario-access.ts';

export interface SolveRequest {
  scenario: ScenarioRecord;
  /** The solve's start time: the result is recorded only while it is still the scenario's current solve. */
  token: string;
  input: { compounds: PlanCompound[]; parameters: PlanParameters; pins: PlanPin[] };
}

/**
 * Marks a scenario `solving` and returns what the planner is to be given (its planned compounds,
 * parameters and locks); the caller runs the planner off the request (solve-runner.ts). A scenario
 * already being solved answers 409, as does an adopted one; one with no compound to plan 422. Audited.
 */
export async function startSolve(tx: Tx, ctx: RequestContext, id: string): Promise<SolveRequest> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'serviceClusters.write');
  const scenario = await scenarioForWrite(tx, tenantId, id, scope);
  requireChangeable(scenario);
  const scenarios = new ScenarioRepository(tx);
  const input = planInput(scenario.inputs, scenario.parameters, await scenarios.locksOf(tenantId, id));
  if (input.compounds.length === 0) throw AppError.of(serviceClustersErrors.no_compounds, { place: scenario.nodeName });
  const token = await scenarios.startSolve(tenantId, id);
  if (!token) throw AppError.of(serviceClustersErrors.solving, { name: scenario.name });
  await recordAudit(
    tx,
    auditEntry(ctx, 'serviceClusters.scenario.solve', { type: 'cluster_scenario', id }, { compounds: input.compounds.length }),
  );
  return { scenario, token, input };
}
