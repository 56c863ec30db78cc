/**
 * Trains a classifier in a worker thread, so the server keeps answering while a county retrains:
 * segmenting and counting 50 000 handled demands takes seconds of CPU (≈3.7 s on the shared 2-core
 * machine), which on the main thread would hold every other request for that long.
 *
 * The server runs its TypeScript through tsx (`node --import tsx`), and a worker thread does not
 * inherit the loader that `--import` registered; so from source the worker starts with a small
 * bootstrap (training-worker-bootstrap.mjs) that registers tsx first. Compiled, it starts the `.js` entry.
 */
import { Worker } from 'node:worker_threads';
import type { LabelledDemand, TrainedClassifier, TrainingOptions } from './training.ts';

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './training-worker-bootstrap.mjs' : './training-worker.js', import.meta.url);

function startWorker(workerData: unknown): Worker {
  return new Worker(ENTRY, { workerData });
}

/** `trainClassifier(demands, options)`, computed in a worker thread; the same result. */
export function trainOffThread(demands: readonly LabelledDemand[], options: TrainingOptions): Promise<TrainedClassifier> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ demands, options });
    let settled = false;
    worker.once('message', (trained: TrainedClassifier) => {
      settled = true;
      resolve(trained);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`classifier training worker exited with code ${code} before answering`));
    });
  });
}
