import { runWrite } from '@linli/core';
import type { Db } from '@linli/db';
import type { SolveRequest } from './commands/start-solve.ts';
import { scenarioTotals, storedClusters } from './plan-inputs.ts';
import { planOffThread } from './plan-off-thread.ts';
import { PlanNotFound } from './planner.ts';
import { ScenarioRepository } from './scenario.repository.ts';

const inFlight = new Map<string, Promise<void>>();

/**
 * Runs the planner for a scenario marked solving (startSolve) in a worker thread and records the
 * plan — or why there is none — when it ends; the request that asked has long been answered (202).
 * A result arriving after the scenario was solved again or marked stale is dropped.
 */
export function launchSolve(db: Db, tenantId: string, request: SolveRequest, log?: (error: unknown) => void): void {
  const { scenario, token, input } = request;
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const run = planOffThread(input.compounds, input.parameters, input.pins)
    .then(
      (plan) =>
        runWrite(db, (tx) =>
          new ScenarioRepository(tx).recordPlan(tenantId, scenario.id, token, {
            solverStatus: plan.status,
            gap: plan.gap,
            solveMs: ms(),
            totals: scenarioTotals(plan),
            clusters: storedClusters(plan, scenario.inputs),
          }),
        ),
      (error: unknown) => {
        if (!(error instanceof PlanNotFound)) log?.(error);
        const notFound = error instanceof PlanNotFound ? error.reason : null;
        return runWrite(db, (tx) =>
          new ScenarioRepository(tx).recordFailure(tenantId, scenario.id, token, {
            solverStatus: notFound,
            reason: notFound ?? 'error',
            solveMs: ms(),
          }),
        );
      },
    )
    .then(() => undefined)
    .catch((error: unknown) => log?.(error))
    .finally(() => inFlight.delete(scenario.id));
  inFlight.set(scenario.id, run);
}

/** Settles when every solve this process runs has recorded its result (tests; a graceful stop). */
export async function solvesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight.values()]);
}
