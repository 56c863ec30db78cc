import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { loadMigrations } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemandRepository } from '../demand.repository.ts';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { closeDemand } from './close-demand.ts';
import { recordCallback } from './record-callback.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('recordCallback', () => {
  it('records a callback after resolution', async () => {
    const d = await demandAt(database.db, world, 'resolved');
    const out = await database.db.transaction((tx) =>
      recordCallback(tx, world.ctx.grid, d.id, { reached: true, resultConfirmed: true, satisfaction: 'satisfied', note: '电话回访' }),
    );
    expect(out.status).toBe('resolved');
    const [row] = await database.query<{ reached: boolean; satisfaction: string }>(
      'SELECT reached, satisfaction FROM demand_callback WHERE demand_id = $1',
      [d.id],
    );
    expect(row).toEqual({ reached: true, satisfaction: 'satisfied' });
  });

  it('is not for demands still being handled (409)', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    expect(
      await failure(database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: false, note: '无人接听' }))),
    ).toMatchObject({ code: 'conflict' });
  });

  it('needs an outcome: reached with satisfaction, or not reached with the reason (400 naming the field)', async () => {
    const d = await demandAt(database.db, world, 'resolved');
    const attempt = (input: Parameters<typeof recordCallback>[3]) =>
      failure(database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, input)));
    expect(await attempt({ reached: true })).toEqual({
      code: 'invalid_input',
      details: [expect.objectContaining({ field: 'satisfaction' })],
    });
    expect(await attempt({ reached: true, resultConfirmed: false })).toMatchObject({ details: [{ field: 'satisfaction' }] });
    expect(await attempt({ reached: false })).toEqual({ code: 'invalid_input', details: [expect.objectContaining({ field: 'note' })] });
    expect(await attempt({ reached: false, note: '   ' })).toMatchObject({ details: [{ field: 'note' }] });
    expect(await attempt({ reached: false, note: '无人接听', satisfaction: 'satisfied' })).toMatchObject({
      details: [{ field: 'satisfaction' }],
    });
    // Nothing was recorded: the demand is still waiting for its callback.
    const [row] = await database.query<{ n: number; callback_at: Date | null }>(
      'SELECT (SELECT count(*)::int FROM demand_callback WHERE demand_id = $1) AS n, callback_at FROM demand WHERE id = $1',
      [d.id],
    );
    expect(row).toEqual({ n: 0, callback_at: null });
    await database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: false, note: ' 无人接听 ' }));
    const [stored] = await database.query<{ reached: boolean; note: string }>(
      'SELECT reached, note FROM demand_callback WHERE demand_id = $1',
      [d.id],
    );
    expect(stored).toEqual({ reached: false, note: '无人接听' });
  });

  it('is not offered after 销号 (409 on a closed demand)', async () => {
    const d = await demandAt(database.db, world, 'evaluated');
    await database.db.transaction((tx) => closeDemand(tx, world.ctx.community, d.id, { note: '销号' }));
    expect(
      await failure(
        database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: true, satisfaction: 'satisfied' })),
      ),
    ).toMatchObject({ code: 'conflict' });
  });

  it('takes the demand off the 待回访 tab, reached or not, and keeps the time of the first callback', async () => {
    const repo = new DemandRepository(database.db);
    const actor = world.ctx.community.actor;
    const tab = async () => (await repo.list(world.tenantId, actor, { tab: 'to_callback' }, { limit: 500 })).items.map((x) => x.id);
    const d = await demandAt(database.db, world, 'resolved');
    const before = await repo.count(world.tenantId, actor, { tab: 'to_callback' });
    expect(await tab()).toContain(d.id);
    await database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: false, note: '无人接听' }));
    expect(await tab()).not.toContain(d.id);
    expect(await repo.count(world.tenantId, actor, { tab: 'to_callback' })).toBe(before! - 1);
    await database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: true, satisfaction: 'satisfied' }));
    const [row] = await database.query<{ same: boolean }>(
      `SELECT d.callback_at = (SELECT min(c.at) FROM demand_callback c WHERE c.tenant_id = d.tenant_id AND c.demand_id = d.id) AS same
       FROM demand d WHERE d.id = $1`,
      [d.id],
    );
    expect(row).toEqual({ same: true });
  });

  it('migration 0014 fills callback_at from the callbacks already recorded, as the trigger does', async () => {
    const evaluated = await demandAt(database.db, world, 'evaluated');
    await database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, evaluated.id, { reached: true, satisfaction: 'satisfied' }));
    await demandAt(database.db, world, 'resolved'); // never called back
    const state = () =>
      database
        .query<{ id: string; callback_at: Date | null }>('SELECT id, callback_at FROM demand ORDER BY id')
        .then((r) => r.map((x) => ({ id: x.id, at: x.callback_at && new Date(x.callback_at).toISOString() })));
    const byTrigger = await state();
    expect(byTrigger.filter((x) => x.at !== null).length).toBeGreaterThanOrEqual(2);
    expect(byTrigger.some((x) => x.at === null)).toBe(true);
    const migration = loadMigrations().find((m) => m.version === 14)!;
    const backfill = migration.sql.split(';').find((s) => s.trim().startsWith('UPDATE demand d SET callback_at'));
    expect(backfill).toBeDefined();
    await database.query('UPDATE demand SET callback_at = NULL');
    await database.exec(backfill!);
    expect(await state()).toEqual(byTrigger);
  });
});
