import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { startDemand } from './start-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('startDemand', () => {
  it('lets the handling unit start; staff of another community do not even see it', async () => {
    const d = await demandAt(database.db, world, 'dispatched');
    expect(await failure(database.db.transaction((tx) => startDemand(tx, world.ctx.otherCommunity, d.id)))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(database.db.transaction((tx) => startDemand(tx, world.ctx.resident, d.id)))).toMatchObject({ code: 'forbidden' });
    const out = await database.db.transaction((tx) => startDemand(tx, world.ctx.property, d.id, { note: '已联系业主' }));
    expect(out.status).toBe('in_progress');
  });
});
