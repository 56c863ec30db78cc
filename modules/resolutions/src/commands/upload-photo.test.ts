import type { AppError, FileStore } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResolutionWorld, type ResolutionWorld, resolutionAt } from '../testing.ts';
import { recordProgress } from './record-progress.ts';
import { uploadPhoto } from './upload-photo.ts';

let database: Database;
let world: ResolutionWorld;
const stored = new Map<string, Buffer>();
const files: FileStore = {
  put: async (key, bytes) => void stored.set(key, Buffer.from(bytes)),
  get: async (key) => stored.get(key),
  delete: async (key) => void stored.delete(key),
};
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildResolutionWorld(database.db);
});
afterAll(() => database.close());

describe('uploadPhoto', () => {
  it('stores a photo of the resolution, which its milestones may then name; a photo of another resolution is refused', async () => {
    const r = await resolutionAt(database.db, world);
    const other = await resolutionAt(database.db, world, { title: '另一项' });
    const photo = await database.db.transaction((tx) =>
      uploadPhoto(tx, files, world.ctx.community, r.id, { name: '../现场.png', data: png }),
    );
    expect(photo).toMatchObject({ fileName: '现场.png', contentType: 'image/png', size: png.length });
    expect(stored.get(`resolutions/${world.tenantId}/${photo.id}`)?.equals(png)).toBe(true);
    const step = await database.db.transaction((tx) =>
      recordProgress(tx, world.ctx.community, r.id, r.tasks[0]!.id, { progress: 30, note: '现场照片', photoIds: [photo.id] }),
    );
    expect(step.tasks[0]!.milestones[0]!.photoIds).toEqual([photo.id]);
    const foreign = await database.db
      .transaction((tx) =>
        recordProgress(tx, world.ctx.community, other.id, other.tasks[0]!.id, { progress: 30, note: '借用', photoIds: [photo.id] }),
      )
      .catch((e: AppError) => e);
    expect((foreign as AppError).details).toEqual([expect.objectContaining({ field: 'photoIds', value: photo.id })]);
  });

  it('refuses a file that is not a jpg, png or webp photo, and a resolution outside the scope', async () => {
    const r = await resolutionAt(database.db, world);
    const html = await database.db
      .transaction((tx) => uploadPhoto(tx, files, world.ctx.community, r.id, { name: 'x.png', data: Buffer.from('<html></html>') }))
      .catch((e: AppError) => e.code);
    expect(html).toBe('invalid_input');
    const outside = await database.db
      .transaction((tx) => uploadPhoto(tx, files, world.ctx.otherCommunity, r.id, { name: 'x.png', data: png }))
      .catch((e: AppError) => e.code);
    expect(outside).toBe('not_found');
  });
});
