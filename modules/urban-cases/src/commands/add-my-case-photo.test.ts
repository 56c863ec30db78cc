import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, memoryFiles, onePixelPng } from '../testing.ts';
import { addMyCasePhoto } from './add-my-case-photo.ts';
import { reportCase } from './report-case.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('addMyCasePhoto', () => {
  it('adds a photo to the resident’s own report only', async () => {
    const { tree } = world;
    const files = memoryFiles();
    const me = contextFor('370785', [{ role: 'resident', node: tree.a.h101 }]);
    const neighbour = contextFor('370785', [{ role: 'resident', node: tree.a.h102 }]);
    const mine = await database.db.transaction((tx) => reportCase(tx, me, { kind: 'clutter', description: '楼道堆物' }));
    const added = await database.db.transaction((tx) => addMyCasePhoto(tx, files, me, mine.id, { fileName: 'p.png', bytes: onePixelPng }));
    expect(added.beforePhotos).toBe(1);
    const other = await database.db
      .transaction((tx) => addMyCasePhoto(tx, files, neighbour, mine.id, { fileName: 'p.png', bytes: onePixelPng }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    expect(files.keys()).toHaveLength(1);
  });
});
