import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { closeDemand } from './close-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('closeDemand', () => {
  it('closes an evaluated demand by its first receiver', async () => {
    const d = await demandAt(database.db, world, 'evaluated');
    const out = await database.db.transaction((tx) => closeDemand(tx, world.ctx.community, d.id, { note: '销号' }));
    expect(out.status).toBe('closed');
    expect(out.closedAt).not.toBeNull();
  });

  it('does not let the handling property company close (403) nor close twice (409)', async () => {
    const d = await demandAt(database.db, world, 'evaluated');
    expect(await failure(database.db.transaction((tx) => closeDemand(tx, world.ctx.property, d.id)))).toMatchObject({ code: 'forbidden' });
    await database.db.transaction((tx) => closeDemand(tx, world.ctx.county, d.id));
    expect(await failure(database.db.transaction((tx) => closeDemand(tx, world.ctx.county, d.id)))).toMatchObject({
      code: 'conflict',
      details: { status: 'closed' },
    });
  });
});
