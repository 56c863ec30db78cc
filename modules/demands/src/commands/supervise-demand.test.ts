import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { superviseDemand } from './supervise-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('superviseDemand', () => {
  it('flags an open demand for the county, keeping its state, with the note in the timeline', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const out = await database.db.transaction((tx) => superviseDemand(tx, world.ctx.county, d.id, { note: '请三日内办结' }));
    expect(out).toMatchObject({ status: 'in_progress', supervised: true });
    expect((await timelineOf(database.db, d.id)).at(-1)).toMatchObject({
      action: 'supervise',
      note: '请三日内办结',
      to_status: 'in_progress',
    });
  });

  it('is for supervisors only (403)', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    expect(await failure(database.db.transaction((tx) => superviseDemand(tx, world.ctx.community, d.id, { note: 'x' })))).toMatchObject({
      code: 'forbidden',
    });
  });
});
