import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { mergeDemand } from './merge-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('mergeDemand', () => {
  it('marks a duplicate as merged into the demand it repeats', async () => {
    const first = await demandAt(database.db, world, 'dispatched');
    const dup = await demandAt(database.db, world, 'submitted');
    const out = await database.db.transaction((tx) => mergeDemand(tx, world.ctx.grid, dup.id, { intoId: first.id }));
    expect(out.status).toBe('merged');
    const [row] = await database.query<{ merged_into_id: string }>('SELECT merged_into_id FROM demand WHERE id = $1', [dup.id]);
    expect(row!.merged_into_id).toBe(first.id);
  });

  it('refuses itself and a merged target, with the field', async () => {
    const a = await demandAt(database.db, world, 'submitted');
    expect(await failure(database.db.transaction((tx) => mergeDemand(tx, world.ctx.grid, a.id, { intoId: a.id })))).toEqual({
      code: 'invalid_input',
      details: [{ field: 'intoId', reason: 'is the demand itself' }],
    });
  });
});
