import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupervisionRepository } from '../supervision.repository.ts';
import { buildResolutionWorld, outboxCount, type ResolutionWorld, resolutionAt } from '../testing.ts';
import { evaluateResolution } from './evaluate-resolution.ts';
import { scheduleEvaluations } from './schedule-evaluations.ts';

let database: Database;
let world: ResolutionWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

const schedule = (month: string, ctx = world.ctx.community) => database.db.transaction((tx) => scheduleEvaluations(tx, ctx, month));

describe('scheduleEvaluations', () => {
  it('schedules each resolution under way once per month, with one reminder each, however often it runs', async () => {
    const a = await resolutionAt(database.db, world, { title: '一月决议', decidedOn: '2026-01-10' });
    await resolutionAt(database.db, world, { title: '三月决议', decidedOn: '2026-03-02' });
    const reminders = await outboxCount(database.db, 'resolutions.evaluation_due');
    expect(await schedule('2026-02')).toEqual({ scheduled: 1, alreadyScheduled: 0 });
    expect(await schedule('2026-02')).toEqual({ scheduled: 0, alreadyScheduled: 1 });
    expect(await outboxCount(database.db, 'resolutions.evaluation_due')).toBe(reminders + 1);
    const [reminder] = await database.query<{ aggregate_id: string; payload: { recipientAccountIds: string[]; month: string } }>(
      "SELECT aggregate_id, payload FROM outbox_event WHERE type = 'resolutions.evaluation_due'",
    );
    expect(reminder?.aggregate_id).toBe(world.committeeId);
    // the members with an account hear of it: here the neighbour
    expect(reminder?.payload).toMatchObject({ month: '2026-02', recipientAccountIds: [world.ctx.neighbour.actor.accountId] });
    const rows = await database.query<{ resolution_id: string; due_on: string }>(
      "SELECT resolution_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM resolution_evaluation WHERE month = '2026-02-01'",
    );
    expect(rows).toEqual([{ resolution_id: a.id, due_on: '2026-02-28' }]);
    expect(await schedule('2026-03')).toEqual({ scheduled: 2, alreadyScheduled: 0 });
    // staff of another community schedule nothing here
    expect(await schedule('2026-04', world.ctx.otherCommunity)).toEqual({ scheduled: 0, alreadyScheduled: 0 });
  });

  it('lists the evaluations whose month ended without one as late, and takes them off once made', async () => {
    const repo = new SupervisionRepository(database.db);
    const scope = [world.tree.communities[0]!.path];
    const late = await repo.late(world.tenantId, scope);
    expect(late.map((l) => [l.title, l.month, l.dueOn])).toEqual([
      ['一月决议', '2026-02', '2026-02-28'],
      ['一月决议', '2026-03', '2026-03-31'],
      ['三月决议', '2026-03', '2026-03-31'],
    ]);
    expect(late[0]!.daysLate).toBeGreaterThan(0);
    expect(await repo.late(world.tenantId, [world.tree.communities[2]!.path])).toEqual([]);
    const id = late[0]!.resolutionId;
    await database.db.transaction((tx) =>
      evaluateResolution(tx, world.ctx.neighbour, id, {
        month: '2026-02',
        memberId: world.members.neighbour,
        progress: 30,
        quality: 'fair',
        satisfaction: 'basically_satisfied',
      }),
    );
    expect((await repo.late(world.tenantId, scope)).map((l) => l.month)).toEqual(['2026-03', '2026-03']);
    const grid = await repo.grid(world.tenantId, scope, { from: '2026-01', to: '2026-03' });
    expect(grid.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const row = grid.rows.find((r) => r.resolutionId === id);
    expect(row?.cells.map((c) => [c.month, c.state])).toEqual([
      ['2026-02', 'evaluated_late'],
      ['2026-03', 'late'],
    ]);
  });
});
