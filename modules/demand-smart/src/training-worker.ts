/**
 * Worker-thread entry of `trainOffThread` (./train-off-thread.ts): trains on the examples it is
 * given and posts the trained classifier back. Pure computation, no database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { builtinPrior } from './builtin-prior.ts';
import { type LabelledDemand, type TrainingOptions, trainClassifier } from './training.ts';

const { demands, options } = workerData as { demands: LabelledDemand[]; options: TrainingOptions };
const prior = options.builtinPrior ? { category: builtinPrior(new Set(demands.map((d) => d.category))) } : options.prior;
parentPort?.postMessage(trainClassifier(demands, { ...options, prior }));
