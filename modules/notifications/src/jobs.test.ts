import { emitEvents } from '@linli/core';
import { startJobs } from '@linli/core/scheduler';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { deadlineJob } from '@linli/demands';
import { buildDemandWorld, demandAt, testCipher } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logChannel } from './channels.ts';
import { dispatcherJob } from './dispatcher.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('background jobs in the scheduler', () => {
  it('deliver while running, and after stop() nothing runs any more', async () => {
    const world = await buildDemandWorld(database.db);
    const d = await demandAt(database.db, world, 'accepted');
    const logged: object[] = [];
    const logger = { info: (obj: object) => logged.push(obj), error: (obj: object) => logged.push(obj) };
    const jobs = startJobs(
      [deadlineJob(database.db, 20), dispatcherJob(database.db, [logChannel(logger)], 20, { cipher: testCipher })],
      logger,
      {
        firstDelayMs: 0,
      },
    );
    const delivered = async () =>
      (await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM notification WHERE demand_id = ${d.id}::uuid`))[0]!.n;
    await expect.poll(delivered, { timeout: 10_000 }).toBe(1);
    // The log channel has sent it as well.
    await expect.poll(() => logged.some((o) => (o as { channel?: string }).channel === 'log'), { timeout: 10_000 }).toBe(true);
    const t0 = Date.now();
    await jobs.stop();
    expect(Date.now() - t0).toBeLessThan(5_000);
    await emitEvents(database.db, { tenantId: world.tenantId, type: 'demand.started', aggregateType: 'demand', aggregateId: d.id });
    await sleep(150);
    const [pending] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL`);
    expect(pending!.n).toBe(1);
  });
});
