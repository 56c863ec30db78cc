import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStationWorld, memoryFiles, onePixelPng, type StationWorld } from '../station-testing.ts';
import { addStationPhoto, photoTypeOf } from './add-station-photo.ts';

let database: Database;
let w: StationWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildStationWorld(database);
});
afterAll(() => database.close());

describe('addStationPhoto', () => {
  it('stores a PNG recognised by its bytes under a server-made key; the record names it', async () => {
    const files = memoryFiles();
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.compound.id, name: '凤凰小区议事站' });
    const after = await database.db.transaction((tx) =>
      addStationPhoto(tx, files, w.ctx.a, s.id, { fileName: 'C:\\相册\\议事站.png', bytes: onePixelPng }),
    );
    expect(after.photoCount).toBe(1);
    expect(after.photos[0]).toMatchObject({ fileName: '议事站.png', contentType: 'image/png', size: onePixelPng.length });
    expect(files.keys()).toEqual([`deliberation/370785/stations/${s.id}/${after.photos[0]?.id}`]);
  });

  it('refuses bytes that are no photo whatever their name, and a station of another community; stores nothing', async () => {
    const files = memoryFiles();
    const s = await w.create(w.ctx.a, { nodeId: w.tree.a.community.id, name: '社区议事厅', kind: 'hall' });
    const html = await database.db
      .transaction((tx) => addStationPhoto(tx, files, w.ctx.a, s.id, { fileName: 'x.png', bytes: Buffer.from('<html><script>') }))
      .catch((e: AppError) => e.code);
    expect(html).toBe('invalid_input');
    const other = await database.db
      .transaction((tx) => addStationPhoto(tx, files, w.ctx.b, s.id, { fileName: 'x.png', bytes: onePixelPng }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    expect(files.keys()).toEqual([]);
    expect(photoTypeOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
  });
});
