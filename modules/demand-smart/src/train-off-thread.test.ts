import { describe, expect, it } from 'vitest';
import { generateDemands } from './synthetic-demands.ts';
import { trainOffThread } from './train-off-thread.ts';
import { trainClassifier } from './training.ts';

const options = { source: 'tenant' as const, tenantSamples: 4000, minTenantSamples: 200, trainedAt: new Date('2026-11-29T00:00:00Z') };

describe('trainOffThread', () => {
  it('gives the same models and held-out accuracy as training on the calling thread', async () => {
    const demands = generateDemands({ count: 1500, seed: 7 });
    const [offThread, here] = [await trainOffThread(demands, options), trainClassifier(demands, options)];
    expect(offThread).toEqual(here);
    expect(offThread.stats.category.accuracy).toBeGreaterThan(0.8);
  });

  it('leaves the calling thread free: timers keep firing while the worker trains', async () => {
    const demands = generateDemands({ count: 4000, seed: 8 });
    let ticks = 0;
    let ticksWhenDone = -1;
    const timer = setInterval(() => {
      ticks += 1;
    }, 5);
    try {
      const trained = await trainOffThread(demands, options).then((t) => {
        ticksWhenDone = ticks;
        return t;
      });
      expect(trained.stats.sampleSize).toBe(4000);
    } finally {
      clearInterval(timer);
    }
    // On the calling thread the same training would run in one synchronous stretch: no tick at all
    // between start and end. Starting the worker alone (loading the code) spans several ticks.
    expect(ticksWhenDone).toBeGreaterThan(2);
  });

  it('rejects with the worker’s error when training fails, instead of hanging', async () => {
    const demands = generateDemands({ count: 50, seed: 9 });
    await expect(trainOffThread(demands, { ...options, holdout: Number.NaN })).rejects.toThrow(/held-out ratio/);
  });
});
