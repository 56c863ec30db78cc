import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { filesDirOf, loadConfig } from './config.ts';
import { createFileStore, DiskFileStore } from './file-store.ts';

describe('DiskFileStore', async () => {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-files-'));
  const store = new DiskFileStore(root);
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('keeps bytes under a key, readable only by the owner, and forgets them on delete', async () => {
    await store.put('370785/2026/0190a1b2', Buffer.from('photo bytes'));
    expect((await store.get('370785/2026/0190a1b2'))?.toString()).toBe('photo bytes');
    const stat = await fs.stat(path.join(root, '370785', '2026', '0190a1b2'));
    expect(stat.mode & 0o777).toBe(0o600);
    expect((await fs.readdir(path.join(root, '370785', '2026'))).filter((f) => f.endsWith('.part'))).toEqual([]);
    await store.delete('370785/2026/0190a1b2');
    expect(await store.get('370785/2026/0190a1b2')).toBeUndefined();
  });

  it('refuses keys that could leave its folder', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a\\b', 'a b', '']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/file key/);
      await expect(store.get(key)).rejects.toThrow(/file key/);
    }
  });

  it('never overwrites a file half-way: a second put of the same key replaces it whole', async () => {
    await store.put('k/one', Buffer.from('first'));
    await Promise.all([store.put('k/one', Buffer.alloc(100_000, 1)), store.put('k/one', Buffer.alloc(100_000, 2))]);
    const bytes = await store.get('k/one');
    expect(bytes?.length).toBe(100_000);
    expect(new Set(bytes).size).toBe(1);
  });
});

describe('createFileStore', () => {
  it('keeps uploads under LINLI_FILES_DIR when it is set, under DATA_DIR/files otherwise', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-data-'));
    const shared = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-shared-files-'));
    try {
      const onShare = createFileStore(loadConfig({ DATA_DIR: dataDir, LINLI_FILES_DIR: shared }));
      await onShare.put('t/photo', Buffer.from('on the share'));
      expect(await fs.readFile(path.join(shared, 't', 'photo'), 'utf8')).toBe('on the share');
      expect(await fs.readdir(dataDir)).toEqual([]);

      const beside = createFileStore(loadConfig({ DATA_DIR: dataDir }));
      await beside.put('t/photo', Buffer.from('beside the data'));
      expect(await fs.readFile(path.join(dataDir, 'files', 't', 'photo'), 'utf8')).toBe('beside the data');
      expect(filesDirOf(loadConfig({ DATA_DIR: dataDir, LINLI_FILES_DIR: '' }))).toBe(path.join(dataDir, 'files'));
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(shared, { recursive: true, force: true });
    }
  });
});
