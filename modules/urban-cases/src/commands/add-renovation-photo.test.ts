import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUrbanWorld, memoryFiles, onePixelPng, renovationBody } from '../testing.ts';
import { addRenovationPhoto, renovationPhotoFields } from './add-renovation-photo.ts';
import { createRenovation } from './create-renovation.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;
beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
});
afterAll(() => database.close());

describe('addRenovationPhoto', () => {
  it('adds before and after photos to the gallery and refuses what is not an image', async () => {
    const { tree } = world;
    const files = memoryFiles();
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const p = await database.db.transaction((tx) => createRenovation(tx, ctx, renovationBody(tree.a.compound.id)));
    for (const stage of ['before', 'after'] as const)
      await database.db.transaction((tx) =>
        addRenovationPhoto(tx, files, ctx, p.id, {
          stage,
          caption: stage === 'before' ? '问题小区' : '花园小区',
          fileName: 'p.png',
          bytes: onePixelPng,
        }),
      );
    const bad = await database.db
      .transaction((tx) =>
        addRenovationPhoto(tx, files, ctx, p.id, { stage: 'after', caption: null, fileName: 'x.png', bytes: Buffer.from('GIF89a') }),
      )
      .catch((e: AppError) => e.code);
    expect(bad).toBe('invalid_input');
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM urban_renovation_photo WHERE project_id = $1', [p.id]);
    expect(n?.n).toBe(2);
    expect(files.keys()).toHaveLength(2);
    expect(renovationPhotoFields({ stage: 'after', caption: ' 花园小区 ' })).toEqual({ stage: 'after', caption: '花园小区' });
    expect(() => renovationPhotoFields({ stage: 'night' })).toThrow();
  });
});
