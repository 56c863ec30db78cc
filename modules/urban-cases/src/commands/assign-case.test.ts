import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld } from '../testing.ts';
import { assignCase } from './assign-case.ts';
import { createCase } from './create-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('assignCase', () => {
  it('assigns a reported case to a department of the county once, on the timeline', async () => {
    const { tree, departmentId, otherDepartmentId } = world;
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const c = await database.db.transaction((tx) =>
      createCase(tx, ctx, { kind: 'parking', nodeId: tree.a.compound.id, description: '施划车位' }),
    );
    const foreign = await database.db
      .transaction((tx) => assignCase(tx, ctx, c.id, { version: 1, departmentId: otherDepartmentId }))
      .catch((e: AppError) => e.code);
    expect(foreign).toBe('not_found');
    const byB = await database.db
      .transaction((tx) =>
        assignCase(tx, contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]), c.id, { version: 1, departmentId }),
      )
      .catch((e: AppError) => e.code);
    expect(byB).toBe('not_found');
    const done = await database.db.transaction((tx) => assignCase(tx, ctx, c.id, { version: 1, departmentId, note: '三日内' }));
    expect(done).toMatchObject({ status: 'assigned', departmentId, version: 2 });
    expect(done.events.at(-1)).toMatchObject({ action: 'assign', fromStatus: 'reported', toStatus: 'assigned' });
    expect(done.events.at(-1)?.note).toContain('三日内');
    const again = await database.db
      .transaction((tx) => assignCase(tx, ctx, c.id, { version: 2, departmentId }))
      .catch((e: AppError) => e.code);
    expect(again).toBe('conflict');
  });
});
