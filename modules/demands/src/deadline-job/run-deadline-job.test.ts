import { type Database, rows } from '@linli/db';
import { createTestDatabase, testDriver } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, countWhere, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { runDeadlineJob } from './run-deadline-job.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const HOUR = 3_600_000;
const run = (now: Date, lock = true) => runDeadlineJob(database.db, { now, lock });
const eventsOf = (demandId: string, type: string) =>
  rows<{ payload: { deadline: string; dueAt: string; number: string } }>(
    database.db,
    sql`SELECT payload FROM outbox_event WHERE aggregate_id = ${demandId} AND type = ${type} ORDER BY created_at`,
  );
const setAutoEscalate = (on: boolean) =>
  database.db.execute(
    sql`UPDATE tenant SET settings = jsonb_set(settings, '{demands}', coalesce(settings->'demands', '{}') || jsonb_build_object('autoEscalate', ${on}::boolean))
        WHERE tenant_id = ${world.tenantId}`,
  );

describe('runDeadlineJob', () => {
  it('reminds of the response deadline of a submitted demand once, shortly before it', async () => {
    const d = await demandAt(database.db, world, 'submitted');
    const due = new Date(d.responseDueAt);
    // 24-hour response deadline: the reminder comes in its last quarter (6 h), not earlier.
    await run(new Date(due.getTime() - 7 * HOUR));
    expect(await eventsOf(d.id, 'demand.deadline_reminder')).toHaveLength(0);
    await run(new Date(due.getTime() - 5 * HOUR));
    await run(new Date(due.getTime() - 4 * HOUR));
    const events = await eventsOf(d.id, 'demand.deadline_reminder');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ number: d.number, deadline: 'response', dueAt: due.toISOString() });
  });

  it('flags an overdue demand once and leaves it at its level when the tenant does not auto-escalate', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const due = new Date(d.resolveDueAt);
    const first = await run(new Date(due.getTime() + HOUR));
    expect(first.skipped).toBe(false);
    await run(new Date(due.getTime() + 2 * HOUR));
    expect(await eventsOf(d.id, 'demand.overdue')).toHaveLength(1);
    const [row] = await rows<{ level: string; status: string }>(
      database.db,
      sql`SELECT level, status FROM demand WHERE id = ${d.id}::uuid`,
    );
    expect(row).toEqual({ level: 'compound', status: 'in_progress' });
  });

  it('reminds again when the deadline moves (an approved extension gives a new due time)', async () => {
    const d = await demandAt(database.db, world, 'dispatched');
    const due = new Date(d.resolveDueAt);
    await run(new Date(due.getTime() - HOUR));
    const later = new Date(due.getTime() + 48 * HOUR);
    await database.db.execute(sql`UPDATE demand SET resolve_due_at = ${later.toISOString()}::timestamptz WHERE id = ${d.id}::uuid`);
    await run(new Date(later.getTime() - HOUR));
    await run(new Date(later.getTime() - HOUR / 2));
    const events = await eventsOf(d.id, 'demand.deadline_reminder');
    expect(events.map((e) => e.payload.dueAt)).toEqual([due.toISOString(), later.toISOString()]);
  });

  it('escalates an overdue demand one level with the system actor when the tenant enables it, once', async () => {
    await setAutoEscalate(true);
    try {
      const d = await demandAt(database.db, world, 'in_progress');
      const due = new Date(d.resolveDueAt);
      const result = await run(new Date(due.getTime() + HOUR));
      expect(result.escalated).toBeGreaterThanOrEqual(1);
      await run(new Date(due.getTime() + 3 * HOUR));
      const [row] = await rows<{ level: string; status: string; escalation_count: number; handling_node_id: string }>(
        database.db,
        sql`SELECT level, status, escalation_count, handling_node_id FROM demand WHERE id = ${d.id}::uuid`,
      );
      expect(row).toEqual({
        level: 'community',
        status: 'dispatched',
        escalation_count: 1,
        handling_node_id: world.tree.communities[0]!.id,
      });
      const last = (await timelineOf(database.db, d.id)).at(-1);
      expect(last).toMatchObject({
        action: 'escalate',
        from_status: 'in_progress',
        to_status: 'dispatched',
        note: 'auto-escalated: overdue at compound',
      });
      const [entry] = await rows<{ actor_id: string | null; actor_name: string }>(
        database.db,
        sql`SELECT actor_id, actor_name FROM demand_event WHERE demand_id = ${d.id}::uuid ORDER BY seq DESC LIMIT 1`,
      );
      expect(entry).toEqual({ actor_id: null, actor_name: '系统' });
      const audits = await rows<{ actor_id: string | null; actor_name: string }>(
        database.db,
        sql`SELECT actor_id, actor_name FROM audit_event WHERE action = 'demand.escalate' AND target_id = ${d.id}`,
      );
      expect(audits).toEqual([{ actor_id: null, actor_name: 'system' }]);
      expect(await eventsOf(d.id, 'demand.escalated')).toHaveLength(1);
      expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', d.id)).toBeGreaterThan(0);
    } finally {
      await setAutoEscalate(false);
    }
  });

  it('escalates a demand flagged overdue before the tenant enabled it, and counts one that cannot go up without changing it', async () => {
    const flagged = await demandAt(database.db, world, 'in_progress');
    const stuck = await demandAt(database.db, world, 'dispatched');
    const sub = world.tree.subdistricts[0]!;
    // At the subdistrict, the next level is a department: the noise category has no default department.
    await database.db.execute(
      sql`UPDATE demand SET level = 'subdistrict', handling_node_id = ${sub.id}::uuid, handling_path = ${sub.path}::ltree WHERE id = ${stuck.id}::uuid`,
    );
    const late = new Date(Math.max(new Date(flagged.resolveDueAt).getTime(), new Date(stuck.resolveDueAt).getTime()) + HOUR);
    await run(late);
    expect(await eventsOf(flagged.id, 'demand.escalated')).toHaveLength(0);
    await setAutoEscalate(true);
    try {
      const result = await run(new Date(late.getTime() + HOUR));
      expect(result.escalationFailures).toBeGreaterThanOrEqual(1);
      expect(await eventsOf(flagged.id, 'demand.escalated')).toHaveLength(1);
      const levels = await rows<{ id: string; level: string; version: number }>(
        database.db,
        sql`SELECT id, level, version FROM demand WHERE id IN (${flagged.id}::uuid, ${stuck.id}::uuid)`,
      );
      expect(Object.fromEntries(levels.map((r) => [r.id, r.level]))).toEqual({ [flagged.id]: 'community', [stuck.id]: 'subdistrict' });
      expect(await eventsOf(stuck.id, 'demand.escalated')).toHaveLength(0);
    } finally {
      await setAutoEscalate(false);
    }
  });

  it.each([
    ['with', true],
    ['even without', false],
  ])('three runs at the same time claim every reminder exactly once, %s the advisory lock', async (_, lock) => {
    const demands = [];
    for (let i = 0; i < 6; i += 1) demands.push(await demandAt(database.db, world, 'dispatched'));
    const latest = Math.max(...demands.map((d) => new Date(d.resolveDueAt).getTime()));
    // All six are inside their reminder window at this instant (resolution in 5 working days, lead 24 h).
    const now = new Date(latest - HOUR);
    const results = await Promise.all([run(now, lock), run(now, lock), run(now, lock)]);
    if (testDriver() === 'postgres' && !lock) expect(results.every((r) => !r.skipped)).toBe(true);
    for (const d of demands) expect(await eventsOf(d.id, 'demand.deadline_reminder')).toHaveLength(1);
    const notices = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM demand_deadline_notice WHERE stage = 'reminder'
          AND demand_id IN ${sql`(${sql.join(
            demands.map((d) => sql`${d.id}::uuid`),
            sql`, `,
          )})`}`,
    );
    expect(notices[0]!.n).toBe(6);
  });
});
