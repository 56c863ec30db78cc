import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxTabs } from './contract.ts';
import { DemandRepository } from './demand.repository.ts';
import { buildDemandWorld, type DemandWorld, demandAt, submitTestDemand } from './testing.ts';

let database: Database;
let world: DemandWorld;
let repo: DemandRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  repo = new DemandRepository(database.db);
  // Demands in every state, some of them past or near their deadline (submitted days ago).
  const day = 86_400_000;
  for (let i = 0; i < 6; i++) {
    await submitTestDemand(database.db, world, { submittedAt: new Date(Date.now() - i * day).toISOString(), description: `收件箱 ${i}` });
  }
  for (const stage of ['accepted', 'dispatched', 'in_progress', 'resolved', 'evaluated'] as const)
    await demandAt(database.db, world, stage);
  // Long past deadlines for some open demands, as on a real backlog.
  await database.query(
    `UPDATE demand SET response_due_at = now() - interval '2 days', resolve_due_at = now() - interval '1 day'
     WHERE tenant_id = $1 AND id IN (SELECT id FROM demand WHERE tenant_id = $1 ORDER BY id LIMIT 4)`,
    [world.tenantId],
  );
  await database.query(
    `UPDATE demand SET response_due_at = now() + interval '3 hours', resolve_due_at = now() + interval '5 hours',
       submitted_at = least(submitted_at, now() - interval '4 days')
     WHERE tenant_id = $1 AND id IN (SELECT id FROM demand WHERE tenant_id = $1 ORDER BY id DESC LIMIT 3)`,
    [world.tenantId],
  );
});
afterAll(() => database.close());

describe('the inbox on its indexes', () => {
  it('lists each tab exactly as its definition, with the ancestors of each place and an exact total', async () => {
    const actor = world.ctx.community.actor;
    const all = await repo.list(world.tenantId, actor, {}, { limit: 500 });
    expect(all.items.length).toBeGreaterThanOrEqual(11);
    const expected: Record<(typeof inboxTabs)[number], (d: (typeof all.items)[number]) => boolean> = {
      to_accept: (d) => d.status === 'submitted',
      to_dispatch: (d) => d.status === 'accepted' || d.status === 'returned',
      in_progress: (d) => d.status === 'dispatched' || d.status === 'in_progress',
      // 即将超期 is about the resolution deadline: a submitted demand near its response deadline is not in it.
      due_soon: (d) => d.deadlineState === 'due_soon' && d.status !== 'submitted',
      overdue: (d) => d.deadlineState === 'overdue',
      to_callback: (d) => d.status === 'resolved' || d.status === 'evaluated',
    };
    for (const tab of inboxTabs) {
      const page = await repo.list(world.tenantId, actor, { tab }, { limit: 500 });
      const ids = all.items.filter(expected[tab]).map((d) => d.id);
      expect(page.items.map((d) => d.id).sort(), tab).toEqual(ids.sort());
      expect(await repo.count(world.tenantId, actor, { tab }), tab).toBe(ids.length);
    }
    expect(all.items.some((d) => d.deadlineState === 'overdue')).toBe(true);
    expect(all.items.some((d) => d.deadlineState === 'due_soon')).toBe(true);
    // Names from the subdistrict down to the household, in order, found by the ids in the path.
    const names = [world.tree.subdistricts[0]!.name, world.tree.communities[0]!.name];
    for (const d of all.items) expect(d.locationPath.slice(0, 2)).toEqual(names);
  });

  it('calls a deadline near in the last quarter of the time allowed, at most 24 hours; 即将超期 holds resolution deadlines only', async () => {
    const actor = world.ctx.community.actor;
    const day = 86_400_000;
    const hour = 3_600_000;
    // Just filed: the response deadline is 24 hours away (23 h 59 left) — not near.
    const fresh = await submitTestDemand(database.db, world, { description: '刚刚提交的诉求' });
    // Filed 20 hours ago, 4 hours left of a 24-hour response deadline: near, but a response deadline.
    const answerSoon = await submitTestDemand(database.db, world, { description: '待响应的诉求' });
    // Accepted, 5 hours left of a resolution deadline set 4 days ago: near, and in the tab.
    const resolveSoon = await demandAt(database.db, world, 'in_progress');
    // Filed a day ago with a 30-hour resolution deadline, 6 hours left (less than a quarter of 30 h): near.
    const shortRule = await demandAt(database.db, world, 'accepted');
    // Accepted, 20 hours left of a 40-hour resolution deadline: within 24 hours, but half the time is left — not near.
    const halfLeft = await demandAt(database.db, world, 'dispatched');
    const set = (id: string, submittedAgo: number, dueIn: number, column: 'response_due_at' | 'resolve_due_at') =>
      database.query(`UPDATE demand SET submitted_at = $2, ${column} = $3 WHERE id = $1`, [
        id,
        new Date(Date.now() - submittedAgo).toISOString(),
        new Date(Date.now() + dueIn).toISOString(),
      ]);
    await set(answerSoon.id, 20 * hour, 4 * hour, 'response_due_at');
    await set(resolveSoon.id, 4 * day, 5 * hour, 'resolve_due_at');
    await set(shortRule.id, 24 * hour, 6 * hour, 'resolve_due_at');
    await set(halfLeft.id, 20 * hour, 20 * hour, 'resolve_due_at');
    const all = await repo.list(world.tenantId, actor, {}, { limit: 500 });
    const state = (id: string) => all.items.find((d) => d.id === id)?.deadlineState;
    expect([fresh, answerSoon, resolveSoon, shortRule, halfLeft].map((d) => state(d.id))).toEqual([
      'on_time',
      'due_soon',
      'due_soon',
      'due_soon',
      'on_time',
    ]);
    const tab = (await repo.list(world.tenantId, actor, { tab: 'due_soon' }, { limit: 500 })).items.map((d) => d.id);
    expect(tab).toContain(resolveSoon.id);
    expect(tab).toContain(shortRule.id);
    expect(tab).not.toContain(fresh.id);
    expect(tab).not.toContain(answerSoon.id);
    expect(tab).not.toContain(halfLeft.id);
    expect(await repo.count(world.tenantId, actor, { tab: 'due_soon' })).toBe(tab.length);
  });

  it('says "more than the cap" for the unfiltered inbox from the rollup, and counts exactly below it', async () => {
    const actor = world.ctx.community.actor;
    const n = (await repo.list(world.tenantId, actor, {}, { limit: 500 })).items.length;
    expect(await repo.count(world.tenantId, actor, {})).toBe(n);
    expect(await repo.count(world.tenantId, actor, {}, 'inbox', n)).toBe(n);
    expect(await repo.count(world.tenantId, actor, {}, 'inbox', n - 1)).toBeUndefined();
    // The county sees the same demands; another community none.
    expect(await repo.count(world.tenantId, world.ctx.county.actor, {}, 'inbox', n - 1)).toBeUndefined();
    expect(await repo.count(world.tenantId, world.ctx.otherCommunity.actor, {}, 'inbox', 0)).toBe(0);
    // A merged demand is not in the rollup but stays in the inbox: the rollup is only a lower bound,
    // and the exact count still finds it.
    const [loser, winner] = (await repo.list(world.tenantId, actor, { tab: 'to_accept' }, { limit: 2 })).items;
    await database.query(`UPDATE demand SET status = 'merged', merged_into_id = $2 WHERE tenant_id = $3 AND id = $1`, [
      loser!.id,
      winner!.id,
      world.tenantId,
    ]);
    expect(await repo.count(world.tenantId, actor, {}, 'inbox', n)).toBe(n);
    expect(await repo.count(world.tenantId, actor, {}, 'inbox', n - 1)).toBeUndefined();
  });
});

describe('who a list shows', () => {
  it('shows a reporter their own demands only, and keeps the visibility rule whatever a caller passes', async () => {
    const { resident, neighbour, otherCommunity } = world.ctx;
    const reported = await database.query<{ id: string }>('SELECT id FROM demand WHERE tenant_id = $1 AND reporter_account_id = $2', [
      world.tenantId,
      resident.actor.accountId,
    ]);
    expect(reported.length).toBeGreaterThan(0);
    const mine = await repo.list(world.tenantId, resident.actor, {}, { limit: 500 }, 'mine');
    expect(mine.items.map((d) => d.id).sort()).toEqual(reported.map((r) => r.id).sort());
    expect(await repo.count(world.tenantId, resident.actor, {}, 'mine')).toBe(reported.length);
    expect((await repo.list(world.tenantId, neighbour.actor, {}, { limit: 500 }, 'mine')).items).toEqual([]);
    // Being the reporter is not staff visibility: the resident's inbox is empty.
    expect((await repo.list(world.tenantId, resident.actor, {}, { limit: 500 })).items).toEqual([]);
    // Another community's staff see none of these demands in any view, with or without filters.
    for (const view of ['inbox', 'mine'] as const) {
      expect((await repo.list(world.tenantId, otherCommunity.actor, {}, { limit: 500 }, view)).items).toEqual([]);
      expect((await repo.list(world.tenantId, otherCommunity.actor, { tab: 'to_accept' }, { limit: 500 }, view)).items).toEqual([]);
      expect(await repo.count(world.tenantId, otherCommunity.actor, {}, view)).toBe(0);
    }
    // A list takes a view, never SQL: a predicate forced in still meets the visibility rule.
    const forced = [sql`true`] as unknown as 'inbox';
    expect((await repo.list(world.tenantId, otherCommunity.actor, {}, { limit: 500 }, forced)).items).toEqual([]);
    expect(await repo.count(world.tenantId, otherCommunity.actor, {}, forced)).toBe(0);
    // @ts-expect-error an extra predicate is not a view (checked by the compiler)
    const misuse = () => repo.list(world.tenantId, otherCommunity.actor, {}, { limit: 1 }, [sql`true`]);
    expect(typeof misuse).toBe('function');
  });
});
