import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
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
    expect(await failure(database.db.transaction((tx) => recordCallback(tx, world.ctx.grid, d.id, { reached: false })))).toMatchObject({
      code: 'conflict',
    });
  });
});
