import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, memoryFiles, onePixelPng } from '../testing.ts';
import { addCasePhoto, caseStage } from './add-case-photo.ts';
import { createCase } from './create-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('addCasePhoto', () => {
  it('stores an image by its bytes and refuses other files, other communities and unknown stages', async () => {
    const { tree } = world;
    const files = memoryFiles();
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const c = await database.db.transaction((tx) =>
      createCase(tx, ctx, { kind: 'clutter', nodeId: tree.a.compound.id, description: '堆物' }),
    );
    const detail = await database.db.transaction((tx) =>
      addCasePhoto(tx, files, ctx, c.id, { stage: 'before', fileName: '../../整治前\u0007.png', bytes: onePixelPng }),
    );
    expect(detail.photos).toEqual([expect.objectContaining({ stage: 'before', fileName: '整治前.png' })]);
    expect(files.keys()).toEqual([`urban-cases/370785/cases/${c.id}/${detail.photos[0]?.id}`]);
    const text = await database.db
      .transaction((tx) => addCasePhoto(tx, files, ctx, c.id, { stage: 'after', fileName: 'a.png', bytes: Buffer.from('hello') }))
      .catch((e: AppError) => e.code);
    expect(text).toBe('invalid_input');
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const byB = await database.db
      .transaction((tx) => addCasePhoto(tx, files, other, c.id, { stage: 'after', fileName: 'a.png', bytes: onePixelPng }))
      .catch((e: AppError) => e.code);
    expect(byB).toBe('not_found');
    expect(files.keys()).toHaveLength(1);
    expect(() => caseStage('during')).toThrow();
    expect(caseStage(undefined)).toBe('before');
  });
});
