import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { evaluateDemand } from './evaluate-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('evaluateDemand', () => {
  it('lets the reporter evaluate a resolved demand', async () => {
    const d = await demandAt(database.db, world, 'resolved');
    const out = await database.db.transaction((tx) =>
      evaluateDemand(tx, world.ctx.resident, d.id, { satisfaction: 'basically_satisfied' }),
    );
    expect(out).toMatchObject({ status: 'evaluated', satisfaction: 'basically_satisfied' });
  });

  it('hides the demand from a neighbour (404) and refuses staff (403)', async () => {
    const d = await demandAt(database.db, world, 'resolved');
    const by = (ctx: typeof world.ctx.resident) =>
      failure(database.db.transaction((tx) => evaluateDemand(tx, ctx, d.id, { satisfaction: 'satisfied' })));
    expect(await by(world.ctx.neighbour)).toMatchObject({ code: 'not_found' });
    expect(await by(world.ctx.community)).toMatchObject({ code: 'forbidden' });
  });
});
