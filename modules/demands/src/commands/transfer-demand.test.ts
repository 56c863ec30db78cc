import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { transferDemand } from './transfer-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('transferDemand', () => {
  it('moves the demand to another unit with the reason', async () => {
    const d = await demandAt(database.db, world, 'dispatched');
    const out = await database.db.transaction((tx) =>
      transferDemand(tx, world.ctx.community, d.id, {
        level: 'department',
        departmentId: world.departments.urban_management!,
        reason: '涉及违建',
      }),
    );
    expect(out).toMatchObject({ status: 'dispatched', level: 'department', handlingUnit: { name: '综合行政执法局' } });
  });

  it('refuses the unit that already holds it', async () => {
    const d = await demandAt(database.db, world, 'dispatched');
    expect(
      await failure(database.db.transaction((tx) => transferDemand(tx, world.ctx.community, d.id, { level: 'compound', reason: '转' }))),
    ).toEqual({ code: 'invalid_input', details: [{ field: 'nodeId', reason: 'is already the handling unit' }] });
  });
});
