import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { reopenDemand } from './reopen-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('reopenDemand', () => {
  it('sends a dissatisfied demand back to the same unit with a fresh deadline', async () => {
    const d = await demandAt(database.db, world, 'evaluated', { satisfaction: 'dissatisfied' });
    const out = await database.db.transaction((tx) => reopenDemand(tx, world.ctx.resident, d.id, { reason: '噪音仍然存在' }));
    expect(out).toMatchObject({
      status: 'dispatched',
      satisfaction: null,
      resolvedAt: null,
      handlingUnit: { id: world.tree.compounds[0]!.id },
    });
    const [row] = await database.query<{ reopen_count: number }>('SELECT reopen_count FROM demand WHERE id = $1', [d.id]);
    expect(row!.reopen_count).toBe(1);
  });

  it('refuses a satisfied demand and one past the window (409)', async () => {
    const satisfied = await demandAt(database.db, world, 'evaluated');
    expect(
      await failure(database.db.transaction((tx) => reopenDemand(tx, world.ctx.resident, satisfied.id, { reason: 'x' }))),
    ).toMatchObject({
      code: 'conflict',
    });
    const late = await demandAt(database.db, world, 'evaluated', { satisfaction: 'dissatisfied' });
    const now = new Date(Date.now() + 8 * 86_400_000);
    expect(
      await failure(database.db.transaction((tx) => reopenDemand(tx, world.ctx.resident, late.id, { reason: 'x' }, { now }))),
    ).toMatchObject({
      code: 'conflict',
    });
  });

  it('takes the window from the tenant settings (demands.reopenWindowDays)', async () => {
    await database.query(`UPDATE tenant SET settings = jsonb_set(settings, '{demands}', '{"reopenWindowDays": 10}') WHERE tenant_id = $1`, [
      world.tenantId,
    ]);
    const d = await demandAt(database.db, world, 'evaluated', { satisfaction: 'dissatisfied' });
    const now = new Date(Date.now() + 8 * 86_400_000);
    const out = await database.db.transaction((tx) => reopenDemand(tx, world.ctx.resident, d.id, { reason: '仍未解决' }, { now }));
    expect(out.status).toBe('dispatched');
    await database.query(`UPDATE tenant SET settings = settings - 'demands' WHERE tenant_id = $1`, [world.tenantId]);
  });
});
