import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { returnDemand } from './return-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('returnDemand', () => {
  it('gives the demand back to the dispatcher without a handling unit; the handler no longer sees it', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const out = await database.db.transaction((tx) => returnDemand(tx, world.ctx.property, d.id, { reason: '属于公共区域，非物业职责' }));
    expect(out).toMatchObject({ status: 'returned', handlingUnit: null });
    expect(await failure(database.db.transaction((tx) => returnDemand(tx, world.ctx.property, d.id, { reason: 'x' })))).toMatchObject({
      code: 'not_found',
    });
  });
});
