import { describe, expect, it } from 'vitest';
import { startJobs } from './scheduler.ts';

const quiet = { info: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startJobs', () => {
  it('runs a job repeatedly, never two runs of it at once, and goes on after a failure', async () => {
    let running = 0;
    let maxRunning = 0;
    let runs = 0;
    const errors: unknown[] = [];
    const jobs = startJobs(
      [
        {
          name: 'slow',
          intervalMs: 5,
          async run() {
            running += 1;
            maxRunning = Math.max(maxRunning, running);
            runs += 1;
            await sleep(15);
            running -= 1;
            if (runs === 1) throw new Error('first run fails');
          },
        },
      ],
      { ...quiet, error: (obj) => errors.push(obj) },
      { firstDelayMs: 0 },
    );
    await sleep(120);
    await jobs.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxRunning).toBe(1);
    expect(errors).toHaveLength(1);
  });

  it('stop waits for the run in progress and no run starts after it', async () => {
    let finished = 0;
    let started = 0;
    const jobs = startJobs(
      [
        {
          name: 'one',
          intervalMs: 1,
          async run() {
            started += 1;
            await sleep(30);
            finished += 1;
          },
        },
      ],
      quiet,
      { firstDelayMs: 0 },
    );
    await sleep(10);
    await jobs.stop();
    expect(finished).toBe(started);
    const after = started;
    await sleep(20);
    expect(started).toBe(after);
  });
});
