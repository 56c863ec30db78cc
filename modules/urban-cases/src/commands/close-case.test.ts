import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, memoryFiles, onePixelPng } from '../testing.ts';
import { addCasePhoto } from './add-case-photo.ts';
import { assignCase } from './assign-case.ts';
import { closeCase } from './close-case.ts';
import { createCase } from './create-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('closeCase', () => {
  it('needs an assigned case, a photo after the work and a whole number of spaces; then closes with the final quantity', async () => {
    const { tree, departmentId } = world;
    const files = memoryFiles();
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const run = <T>(fn: (tx: Parameters<typeof closeCase>[0]) => Promise<T>) => database.db.transaction(fn);
    const c = await run((tx) =>
      createCase(tx, ctx, { kind: 'parking', nodeId: tree.a.compound.id, description: '施划车位', quantity: 10 }),
    );
    expect(await run((tx) => closeCase(tx, ctx, c.id, { version: 1, quantity: 12 })).catch((e: AppError) => e.code)).toBe('conflict');
    await run((tx) => assignCase(tx, ctx, c.id, { version: 1, departmentId }));
    expect(await run((tx) => closeCase(tx, ctx, c.id, { version: 2, quantity: 12 })).catch((e: AppError) => e.code)).toBe('invalid_input');
    await run((tx) => addCasePhoto(tx, files, ctx, c.id, { stage: 'after', fileName: 'after.png', bytes: onePixelPng }));
    expect(await run((tx) => closeCase(tx, ctx, c.id, { version: 2, quantity: 12.5 })).catch((e: AppError) => e.code)).toBe(
      'invalid_input',
    );
    const closed = await run((tx) => closeCase(tx, ctx, c.id, { version: 2, quantity: 12, note: '已施划' }));
    expect(closed).toMatchObject({ status: 'closed', quantity: 12, afterPhotos: 1 });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.events.map((e) => e.action)).toEqual(['report', 'assign', 'close']);
  });
});
