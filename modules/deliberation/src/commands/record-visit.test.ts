import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VisitRepository } from '../visit.repository.ts';
import { buildVisitWorld, quarter, type VisitWorld } from '../visit-testing.ts';
import { createVisitPlans } from './create-visit-plans.ts';

let database: Database;
let w: VisitWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildVisitWorld(database);
  await w.makePlans();
});
afterAll(() => database.close());

const refused = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));
const visitRows = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_visit'))[0]?.n;

describe('createVisitPlans', () => {
  it('makes one plan per grid in scope (not for micro-grids) and makes nothing the second time', async () => {
    const plans = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM deliberation_visit_plan WHERE quarter = $1', [
      quarter,
    ]);
    expect(plans[0]?.n).toBe(3);
    expect(await w.makePlans()).toEqual({ quarter, created: 0, existing: 3 });
    expect(await w.makePlans(w.ctx.b)).toEqual({ quarter, created: 0, existing: 1 });
    const next = await database.db.transaction((tx) => createVisitPlans(tx, w.ctx.a, { quarter: '2027-Q1' }));
    expect(next).toEqual({ quarter: '2027-Q1', created: 2, existing: 0 });
  });
});

describe('recordVisit', () => {
  it('keeps one visit per household and plan: a second round replaces the outcome and keeps every attempt', async () => {
    const plan = await w.planOf(w.grids.a1.id);
    const first = await w.visit(plan, { householdId: w.households.a1[0]!.id, outcome: 'not_home', visitedOn: '2026-11-03' });
    expect(first).toMatchObject({ outcome: 'not_home', version: 1, place: ['凤凰小区', '1号楼', '1单元', '101'], visitorName: 'grid.a' });
    const again = await w.visit(plan, {
      householdId: w.households.a1[0]!.id,
      outcome: 'visited',
      visitedOn: '2026-11-10',
      raised: ' 楼道灯坏了 ',
      version: 1,
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ outcome: 'visited', visitedOn: '2026-11-10', raised: '楼道灯坏了', version: 2 });
    expect(again.attempts.map((a) => [a.seq, a.outcome, a.visitedOn])).toEqual([
      [1, 'not_home', '2026-11-03'],
      [2, 'visited', '2026-11-10'],
    ]);
    const stale = await refused(w.visit(plan, { householdId: w.households.a1[0]!.id, version: 1 }));
    expect(stale?.code).toBe('conflict');
    const rows = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM deliberation_visit WHERE plan_id = $1 AND household_id = $2',
      [plan, w.households.a1[0]!.id],
    );
    expect(rows[0]?.n).toBe(1);
    // The table itself refuses a second row for the household.
    await expect(
      database.query(
        `INSERT INTO deliberation_visit (tenant_id, id, plan_id, household_id, visited_on, outcome)
         VALUES ('370785', gen_random_uuid(), $1, $2, '2026-11-11', 'refused')`,
        [plan, w.households.a1[0]!.id],
      ),
    ).rejects.toThrow();
  });

  it('answers a household of another grid, community or county exactly like an unknown id, and writes nothing', async () => {
    const plan = await w.planOf(w.grids.a1.id);
    const before = await visitRows();
    const unknown = await refused(w.visit(plan, { householdId: '0192a6e0-0000-7000-8000-000000000000' }));
    expect(unknown).toEqual({ code: 'not_found', details: [{ field: 'householdId', reason: 'not found' }] });
    for (const householdId of [w.households.a2[0]!.id, w.households.b1[0]!.id, w.tree.other.household.id, w.tree.a.compound.id]) {
      expect(await refused(w.visit(plan, { householdId }))).toEqual(unknown);
    }
    // Staff of the other community cannot see the plan at all.
    expect((await refused(w.visit(plan, { householdId: w.households.a1[1]!.id }, w.ctx.b)))?.code).toBe('not_found');
    expect((await refused(w.visit(plan, { householdId: w.households.a1[1]!.id }, w.ctx.other)))?.code).toBe('not_found');
    expect(await visitRows()).toBe(before);
  });

  it('refuses a date outside the quarter or still ahead, and raised text without a visit', async () => {
    const plan = await w.planOf(w.grids.a2.id);
    const householdId = w.households.a2[2]!.id;
    expect((await refused(w.visit(plan, { householdId, visitedOn: '2026-09-30' })))?.code).toBe('invalid_input');
    expect((await refused(w.visit(plan, { householdId, visitedOn: '2026-11-20' })))?.code).toBe('invalid_input');
    expect((await refused(w.visit(plan, { householdId, outcome: 'refused', raised: '不想说' })))?.code).toBe('invalid_input');
  });
});

describe('coverage', () => {
  it('counts per grid the households under its buildings, visited, not at home, refused and the coverage', async () => {
    const a2 = await w.planOf(w.grids.a2.id);
    await w.visit(a2, { householdId: w.households.a2[0]!.id, outcome: 'visited' }, w.ctx.a);
    await w.visit(a2, { householdId: w.households.a2[1]!.id, outcome: 'not_home' });
    const b1 = await w.planOf(w.grids.b1.id);
    await w.visit(b1, { householdId: w.households.b1[0]!.id, outcome: 'refused' }, w.ctx.b);
    const repo = new VisitRepository(database.db);
    const county = await repo.coverage('370785', [w.tree.county.path], quarter);
    const byGrid = Object.fromEntries(county.items.map((r) => [r.gridName, [r.households, r.visited, r.notHome, r.refused, r.coverage]]));
    // 一网格: 101 visited (after not at home), 102 not yet → 1 of 2 = 50 %. 二网格: 1 of 3 = 33.3 %. 康成网格: 0 of 2.
    expect(byGrid).toEqual({ 一网格: [2, 1, 0, 0, 50], 二网格: [3, 1, 1, 0, 33.3], 康成网格: [2, 0, 0, 1, 0] });
    expect(county.total).toEqual({ households: 7, visited: 2, notHome: 1, refused: 1, coverage: 28.6 });
    expect(county.items.find((r) => r.gridName === '一网格')).toMatchObject({ raised: 1, topics: 0 });
    expect(county.gridsWithoutPlan).toBe(0);
    const mine = await repo.coverage('370785', [w.tree.a.community.path], quarter);
    expect(mine.items.map((r) => r.gridName)).toEqual(['一网格', '二网格']);
    const filtered = await repo.coverage('370785', [w.tree.county.path], quarter, w.tree.b.community.id);
    expect(filtered.items.map((r) => r.gridName)).toEqual(['康成网格']);
    expect((await repo.coverage('370785', [w.tree.county.path], '2027-Q2')).gridsWithoutPlan).toBe(3);
  });

  it("lists a plan's households with their state, and the ones not visited yet", async () => {
    const repo = new VisitRepository(database.db);
    const plan = await repo.plan('370785', await w.planOf(w.grids.a2.id), [w.tree.a.community.path]);
    const all = await repo.households('370785', plan!);
    expect(all.map((h) => [h.place.join(' '), h.state])).toEqual([
      ['凤凰小区 2号楼 1单元 201', 'visited'],
      ['凤凰小区 2号楼 1单元 202', 'not_home'],
      ['凤凰小区 2号楼 1单元 203', 'unvisited'],
    ]);
    expect((await repo.households('370785', plan!, { state: 'unvisited' })).map((h) => h.place.at(-1))).toEqual(['203']);
    expect((await repo.households('370785', plan!, { q: '202' })).map((h) => h.state)).toEqual(['not_home']);
    expect(await repo.plan('370785', plan!.id, [w.tree.b.community.path])).toBeUndefined();
  });
});
