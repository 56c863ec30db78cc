import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, submitTestDemand } from '../testing.ts';

const shanghaiDay = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

describe('intake deadlines on the county’s own calendar', () => {
  it('moves a working-day deadline past a local day off the county added, and back when it is removed', async () => {
    // Submitted on Friday 2026-03-06: 5 working days of the noise category's parent rule.
    const at = { submittedAt: '2026-03-06T02:00:00.000Z' };
    const before = await submitTestDemand(database.db, world, at);
    await database.query(`INSERT INTO tenant_calendar_day (tenant_id, day, workday, name) VALUES ($1, '2026-03-10', false, '地方假日')`, [
      world.tenantId,
    ]);
    const withHoliday = await submitTestDemand(database.db, world, at);
    // Friday 13th without it; with Tuesday 10th off, the fifth working day is Monday 16th.
    expect(shanghaiDay(before.resolveDueAt)).toBe('2026-03-13');
    expect(shanghaiDay(withHoliday.resolveDueAt)).toBe('2026-03-16');
    // Hour deadlines run around the clock and do not move.
    expect(withHoliday.responseDueAt).toBe(before.responseDueAt);

    await database.query(`DELETE FROM tenant_calendar_day WHERE tenant_id = $1`, [world.tenantId]);
    const after = await submitTestDemand(database.db, world, at);
    expect(after.resolveDueAt).toBe(before.resolveDueAt);
  });
});
