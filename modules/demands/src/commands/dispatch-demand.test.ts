import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, countWhere, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { dispatchDemand } from './dispatch-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const dispatch = (id: string, input: Parameters<typeof dispatchDemand>[3] = {}, ctx = world.ctx.community) =>
  database.db.transaction((tx) => dispatchDemand(tx, ctx, id, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('dispatchDemand', () => {
  it('sends the demand by default to the compound containing its place (the category’s level)', async () => {
    const d = await demandAt(database.db, world, 'accepted');
    const out = await dispatch(d.id);
    expect(out).toMatchObject({
      status: 'dispatched',
      level: 'compound',
      handlingUnit: { kind: 'node', id: world.tree.compounds[0]!.id },
    });
    expect(await countWhere(database.db, 'outbox_event', 'type', 'demand.dispatched')).toBeGreaterThanOrEqual(1);
  });

  it('overrides the level, and sends to a department with its county scope', async () => {
    const a = await demandAt(database.db, world, 'accepted');
    expect(await dispatch(a.id, { level: 'subdistrict' })).toMatchObject({ handlingUnit: { id: world.tree.subdistricts[0]!.id } });
    const b = await demandAt(database.db, world, 'accepted');
    const out = await dispatch(b.id, { level: 'department', departmentId: world.departments.housing! });
    expect(out).toMatchObject({ level: 'department', handlingUnit: { kind: 'department', name: '住房和城乡建设局' } });
  });

  it('refuses units that do not fit, with the field', async () => {
    const d = await demandAt(database.db, world, 'accepted');
    expect(await failure(dispatch(d.id, { level: 'department' }))).toEqual({
      code: 'invalid_input',
      details: [{ field: 'departmentId', reason: 'is required at the department level (the category has no default department)' }],
    });
    expect(await failure(dispatch(d.id, { level: 'compound', nodeId: world.tree.compounds[1]!.id }))).toEqual({
      code: 'invalid_input',
      details: [{ field: 'nodeId', reason: "does not contain the demand's location" }],
    });
    expect(await failure(dispatch(d.id, { level: 'community', nodeId: world.tree.compounds[0]!.id }))).toMatchObject({
      details: [{ field: 'nodeId', reason: 'is a compound, not a community' }],
    });
  });

  it('lets exactly one of two concurrent dispatches win, with one timeline entry', async () => {
    const d = await demandAt(database.db, world, 'accepted');
    const results = await Promise.allSettled([
      dispatch(d.id, { level: 'compound' }),
      dispatch(d.id, { level: 'subdistrict' }, world.ctx.subdistrict),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toMatchObject({ code: 'conflict', details: { status: 'dispatched' } });
    expect((await timelineOf(database.db, d.id)).filter((e) => e.action === 'dispatch')).toHaveLength(1);
    const [row] = await database.query<{ version: number }>('SELECT version FROM demand WHERE id = $1', [d.id]);
    expect(row!.version).toBe(3);
  });
});
