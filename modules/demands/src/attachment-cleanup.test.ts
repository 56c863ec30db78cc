import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DiskFileStore } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeUnlinkedUploads, UNLINKED_UPLOAD_HOURS } from './attachment-cleanup.ts';
import { uploadAttachment } from './commands/upload-attachment.ts';
import { buildDemandWorld, type DemandWorld, submitTestDemand } from './testing.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('removing uploads never attached to a demand', () => {
  let database: Database;
  let world: DemandWorld;
  let root: string;
  let files: DiskFileStore;
  beforeAll(async () => {
    database = await createTestDatabase();
    world = await buildDemandWorld(database.db);
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-cleanup-'));
    files = new DiskFileStore(root);
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(root, { recursive: true, force: true });
  });

  const upload = (name: string) =>
    database.db.transaction((tx) => uploadAttachment(tx, files, world.ctx.grid, { fileName: name, bytes: PDF }));
  const age = (id: string, hours: number) =>
    database.query(`UPDATE demand_attachment SET uploaded_at = now() - make_interval(hours => $2) WHERE id = $1`, [id, hours]);

  it('removes old unlinked uploads with their bytes and keeps recent ones and every linked one', async () => {
    const stale = await upload('stale.pdf');
    const fresh = await upload('fresh.pdf');
    const linked = await upload('linked.pdf');
    await submitTestDemand(database.db, world, { attachmentIds: [linked.id] });
    await age(stale.id, UNLINKED_UPLOAD_HOURS + 1);
    await age(linked.id, UNLINKED_UPLOAD_HOURS + 1);

    expect(await removeUnlinkedUploads(database.db, files)).toEqual({ removed: 1 });
    const left = await database.query<{ id: string }>('SELECT id FROM demand_attachment ORDER BY id');
    expect(left.map((r) => r.id).sort()).toEqual([fresh.id, linked.id].sort());
    expect(await files.get(stale.storageKey)).toBeUndefined();
    expect(await files.get(fresh.storageKey)).toBeDefined();
    expect(await files.get(linked.storageKey)).toBeDefined();
    expect(await removeUnlinkedUploads(database.db, files)).toEqual({ removed: 0 });
  });
});
