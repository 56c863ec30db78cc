/**
 * Worker-thread entry of `planOffThread` (./plan-off-thread.ts): plans the clusters of the compounds
 * it is given and posts the plan back, or why there is none. Pure computation, no database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type PlanCompound, PlanNotFound, type PlanParameters, type PlanPin, planClusters } from './planner.ts';

const { compounds, parameters, pins } = workerData as { compounds: PlanCompound[]; parameters: PlanParameters; pins: PlanPin[] };
try {
  const plan = await planClusters(compounds, parameters, pins);
  parentPort?.postMessage({ plan });
} catch (error) {
  if (error instanceof PlanNotFound) parentPort?.postMessage({ notFound: error.reason });
  else parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
