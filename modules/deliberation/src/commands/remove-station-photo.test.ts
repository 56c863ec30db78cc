import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, memoryFiles, onePixelPng, type StationWorld } from '../station-testing.ts';
import { addStationPhoto } from './add-station-photo.ts';
import { removeStationPhoto } from './remove-station-photo.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

describe('removeStationPhoto', () => {
  it('takes the record and the bytes away; another community cannot, and an unknown photo is not found', async () => {
    const files = memoryFiles();
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '凤凰小区议事站' });
    const added = await database.db.transaction((tx) =>
      addStationPhoto(tx, files, w.ctx.a, s.id, { fileName: 'a.png', bytes: onePixelPng }),
    );
    const photoId = added.photos[0]!.id;
    const other = await database.db
      .transaction((tx) => removeStationPhoto(tx, files, w.ctx.b, s.id, photoId))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    expect(files.keys()).toHaveLength(1);
    const after = await database.db.transaction((tx) => removeStationPhoto(tx, files, w.ctx.a, s.id, photoId));
    expect(after.photos).toEqual([]);
    expect(files.keys()).toEqual([]);
    const again = await database.db
      .transaction((tx) => removeStationPhoto(tx, files, w.ctx.a, s.id, photoId))
      .catch((e: AppError) => e.code);
    expect(again).toBe('not_found');
  });
});
