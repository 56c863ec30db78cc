import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, renovationBody } from '../testing.ts';
import { createRenovation } from './create-renovation.ts';
import { startRenovation } from './start-renovation.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('startRenovation', () => {
  it('moves a planned project in progress once', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const p = await database.db.transaction((tx) => createRenovation(tx, ctx, renovationBody(tree.a.compound.id)));
    const started = await database.db.transaction((tx) => startRenovation(tx, ctx, p.id, { version: 1 }));
    expect(started).toMatchObject({ status: 'in_progress', version: 2 });
    const again = await database.db.transaction((tx) => startRenovation(tx, ctx, p.id, { version: 2 })).catch((e: AppError) => e.code);
    expect(again).toBe('conflict');
  });
});
