/**
 * Plans clusters in a worker thread: HiGHS (WebAssembly) runs synchronously for up to the scenario's
 * time limit (20 s by default, 120 s at most), which on the main thread would hold every other
 * request of the server for that long.
 *
 * The server runs its TypeScript through tsx (`node --import tsx`), and a worker thread does not
 * inherit the loader that `--import` registered; so from source the worker starts with a small
 * bootstrap (solve-worker-bootstrap.mjs) that registers tsx first. Compiled, it starts the `.js` entry.
 */
import { Worker } from 'node:worker_threads';
import { type ClusterPlan, type PlanCompound, PlanNotFound, type PlanParameters, type PlanPin } from './planner.ts';

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './solve-worker-bootstrap.mjs' : './solve-worker.js', import.meta.url);
/** Beyond the time limit, what loading HiGHS and building the model may take before the worker is given up. */
const GRACE_SECONDS = 60;

/** `planClusters(compounds, parameters, pins)`, computed in a worker thread: the same plan, or PlanNotFound. */
export function planOffThread(compounds: PlanCompound[], parameters: PlanParameters, pins: PlanPin[]): Promise<ClusterPlan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, { workerData: { compounds, parameters, pins } });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () => settle(() => reject(new PlanNotFound('time_limit'))),
      (parameters.timeLimitSeconds * 2 + GRACE_SECONDS) * 1000,
    );
    worker.once('message', (answer: { plan?: ClusterPlan; notFound?: 'infeasible' | 'time_limit'; error?: string }) => {
      if (answer.plan) settle(() => resolve(answer.plan as ClusterPlan));
      else if (answer.notFound) settle(() => reject(new PlanNotFound(answer.notFound as 'infeasible' | 'time_limit')));
      else settle(() => reject(new Error(answer.error ?? 'the planner answered nothing')));
    });
    worker.once('error', (error) => settle(() => reject(error)));
    worker.once('exit', (code) => settle(() => reject(new Error(`cluster planning worker exited with code ${code} before answering`))));
  });
}
