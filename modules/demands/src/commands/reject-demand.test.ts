import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt, timelineOf } from '../testing.ts';
import { rejectDemand } from './reject-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('rejectDemand', () => {
  it('refuses a submitted demand with its reason, which counts as the response', async () => {
    const d = await demandAt(database.db, world, 'submitted');
    const out = await database.db.transaction((tx) => rejectDemand(tx, world.ctx.grid, d.id, { reason: '不属于本社区受理范围' }));
    expect(out.status).toBe('rejected');
    expect(out.respondedAt).not.toBeNull();
    expect((await timelineOf(database.db, d.id)).at(-1)).toMatchObject({ action: 'reject', note: '不属于本社区受理范围' });
  });

  it('cannot reject once accepted (409)', async () => {
    const d = await demandAt(database.db, world, 'accepted');
    expect(await failure(database.db.transaction((tx) => rejectDemand(tx, world.ctx.grid, d.id, { reason: 'x' })))).toMatchObject({
      code: 'conflict',
      details: { status: 'accepted' },
    });
  });
});
