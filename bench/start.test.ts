import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childrenCpuSeconds, processMemory } from './start.ts';

describe('start benchmark measures', () => {
  it('reads the resident memory and its high-water mark of a process in MiB', () => {
    const { rss, peak } = processMemory(process.pid);
    const own = process.memoryUsage().rss / 1024 / 1024;
    expect(rss).toBeGreaterThan(own / 2);
    expect(rss).toBeLessThan(own * 2);
    expect(peak).toBeGreaterThanOrEqual(rss);
  });

  it('counts the CPU time of a child once it has exited', () => {
    const before = childrenCpuSeconds();
    // Busy until the child itself has used 0.4 s of CPU, however loaded the machine is.
    spawnSync(process.execPath, ['-e', 'while (process.cpuUsage().user < 400_000) {}']);
    expect(childrenCpuSeconds() - before).toBeGreaterThanOrEqual(0.35);
  });
});
