import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, renovationBody } from '../testing.ts';
import { createRenovation } from './create-renovation.ts';
import { updateRenovation } from './update-renovation.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('updateRenovation', () => {
  it('replaces the funding and phases (with actual dates) at the same version, and refuses a stale one or another community', async () => {
    const { tree } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const p = await database.db.transaction((tx) => createRenovation(tx, ctx, renovationBody(tree.a.compound.id)));
    const body = renovationBody(tree.a.compound.id, {
      budget: 500_000,
      funding: [{ source: 'provincial', amount: 500_000 }],
      phases: [{ name: '施工', plannedStart: '2026-04-01', actualStart: '2026-04-03' }],
    });
    const updated = await database.db.transaction((tx) => updateRenovation(tx, ctx, p.id, { version: 1, ...body }));
    expect(updated).toMatchObject({ version: 2, budget: 500_000, funding: [{ source: 'provincial', amount: 500_000 }] });
    expect(updated.phases).toEqual([expect.objectContaining({ seq: 1, actualStart: '2026-04-03', plannedEnd: null })]);
    const stale = await database.db
      .transaction((tx) => updateRenovation(tx, ctx, p.id, { version: 1, ...body }))
      .catch((e: AppError) => e.code);
    expect(stale).toBe('conflict');
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const byB = await database.db
      .transaction((tx) => updateRenovation(tx, other, p.id, { version: 2, ...renovationBody(tree.b.compound.id) }))
      .catch((e: AppError) => e.code);
    expect(byB).toBe('not_found');
  });
});
