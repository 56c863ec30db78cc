import type { AppError, RequestContext } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { computeDeadlines, reopenDemand } from '@linli/demands';
import { buildDemandWorld, contextOf, type DemandWorld, demandAt } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCalendar, shanghaiDay, shanghaiTime } from '../calendar.ts';
import { tenantCalendar } from '../tenant-calendar.ts';
import { replaceCalendarYear } from './replace-calendar-year.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const replace = (year: number, days: { day: string; workday: boolean; name?: string }[], ctx = admin) =>
  database.db.transaction((tx) => replaceCalendarYear(tx, ctx, year, { days }));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));
const fiveDays = { responseValue: 1, responseUnit: 'working_days', resolveValue: 5, resolveUnit: 'working_days' } as const;

describe('replaceCalendarYear', () => {
  it('stores a year of overrides, shows them among the built-in days, audits the change', async () => {
    const out = await replace(2026, [
      { day: '2026-03-16', workday: false, name: '地方节日' },
      { day: '2026-10-10', workday: false },
    ]);
    expect(out.overrides).toEqual([
      { day: '2026-03-16', workday: false, name: '地方节日' },
      { day: '2026-10-10', workday: false, name: '' },
    ]);
    expect(out.official).toBe(true);
    expect(out.days.find((d) => d.day === '2026-03-16')).toEqual({
      day: '2026-03-16',
      workday: false,
      name: '地方节日',
      origin: 'override',
    });
    // 2026-10-10 is a 调休 Saturday in the notice; the override makes it a day off and keeps the name.
    expect(out.days.find((d) => d.day === '2026-10-10')).toEqual({ day: '2026-10-10', workday: false, name: '国庆节', origin: 'override' });
    const audit = await rows<{ action: string; details: { added: string[]; removed: string[] } }>(
      database.db,
      sql`SELECT action, details FROM audit_event WHERE tenant_id = ${world.tenantId} AND action = 'demand.calendar.replace'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details.added).toEqual(['2026-03-16', '2026-10-10']);
  });

  it('deadlines in working days follow the tenant calendar, and a replaced year takes effect at once', async () => {
    const start = shanghaiTime('2026-03-13', 10); // Friday
    const before = computeDeadlines(start, fiveDays, await tenantCalendar(database.db, world.tenantId));
    // Monday 16 is the tenant's holiday: one working day from Friday is Tuesday.
    expect(before.responseDueAt.toISOString()).toBe(shanghaiTime('2026-03-17', 10).toISOString());
    await replace(2026, [{ day: '2026-10-10', workday: false }]);
    const after = computeDeadlines(start, fiveDays, await tenantCalendar(database.db, world.tenantId));
    expect(after.responseDueAt.toISOString()).toBe(shanghaiTime('2026-03-16', 10).toISOString());
    // Another tenant keeps the national calendar.
    const other = await buildDemandWorld(database.db, '370786');
    expect(computeDeadlines(start, fiveDays, await tenantCalendar(database.db, other.tenantId)).responseDueAt.toISOString()).toBe(
      shanghaiTime('2026-03-16', 10).toISOString(),
    );
  });

  it('a change rolled back is not served from the cache', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await replaceCalendarYear(tx, admin, 2026, { days: [{ day: '2026-03-20', workday: false }] });
        expect((await tenantCalendar(tx, world.tenantId)).isWorkday('2026-03-20')).toBe(false);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await tenantCalendar(database.db, world.tenantId)).isWorkday('2026-03-20')).toBe(true);
  });

  it('refuses days outside the year, unreal dates and duplicates with their row, and changes nothing', async () => {
    const stored = await rows(database.db, sql`SELECT day FROM tenant_calendar_day WHERE tenant_id = ${world.tenantId}`);
    expect(
      await failure(
        replace(2026, [
          { day: '2025-12-31', workday: false },
          { day: '2026-02-30', workday: false },
          { day: '2026-05-06', workday: false },
          { day: '2026-05-06', workday: true },
        ]),
      ),
    ).toEqual({
      code: 'invalid_input',
      details: [
        { field: 'days/0/day', reason: 'is not in 2026', value: '2025-12-31' },
        { field: 'days/1/day', reason: 'is not a real date as YYYY-MM-DD', value: '2026-02-30' },
        { field: 'days/3/day', reason: 'is listed twice (also at 2)', value: '2026-05-06' },
      ],
    });
    expect(await rows(database.db, sql`SELECT day FROM tenant_calendar_day WHERE tenant_id = ${world.tenantId}`)).toEqual(stored);
  });

  it('needs demand.configure on the county (403 for community staff)', async () => {
    expect(await failure(replace(2026, [], world.ctx.community))).toMatchObject({ code: 'forbidden' });
  });

  it('a reopened demand gets its fresh resolution deadline on the tenant calendar', async () => {
    const d = await demandAt(database.db, world, 'evaluated', { satisfaction: 'dissatisfied' });
    const now = new Date();
    // The next ten days are the county's holidays: five working days from now start after them.
    const days = Array.from({ length: 10 }, (_, i) => ({
      day: shanghaiDay(new Date(now.getTime() + (i + 1) * 86_400_000)),
      workday: false,
    }));
    for (const year of new Set(days.map((x) => Number(x.day.slice(0, 4))))) {
      await replace(
        year,
        days.filter((x) => x.day.startsWith(`${year}-`)),
      );
    }
    const reopened = await database.db.transaction((tx) => reopenDemand(tx, world.ctx.resident, d.id, { reason: '问题依旧' }, { now }));
    const expected = createCalendar(days).addWorkingDays(now, 5);
    expect(reopened.resolveDueAt).toBe(expected.toISOString());
    expect(reopened.resolveDueAt).not.toBe(createCalendar().addWorkingDays(now, 5).toISOString());
  });
});
