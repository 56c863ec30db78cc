import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type AppConfig, filesDirOf } from './config.ts';

/**
 * Where uploaded files live. The database keeps what a file is (name, type, size, digest, owner);
 * the store keeps its bytes under an opaque key. The disk store is the default; an object store
 * (S3, OSS, MinIO) implements the same three calls.
 */
export interface FileStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when the key holds nothing. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-zA-Z0-9_-]+(\/[a-zA-Z0-9_-]+)*$/;

function checkKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`file key "${key}" must be path segments of letters, digits, - and _`);
}

/**
 * Files under LINLI_FILES_DIR (default DATA_DIR/files), outside the web root. Keys are ids the server makes, never a client's
 * file name, so no upload can choose its path; the file is written under a temporary name and
 * renamed, so a reader never sees half a file. Nothing here executes or interprets content.
 */
export class DiskFileStore implements FileStore {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    checkKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(key);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temporary = `${target}.${randomUUID()}.part`;
    await fs.writeFile(temporary, bytes, { mode: 0o600, flag: 'wx' });
    await fs.rename(temporary, target);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/**
 * The store the configuration asks for: files on disk under LINLI_FILES_DIR, DATA_DIR/files when it
 * is not set. Several server processes share one directory (a shared mount) so each serves what
 * another received.
 */
export function createFileStore(config: Pick<AppConfig, 'dataDir' | 'filesDir'>): FileStore {
  return new DiskFileStore(filesDirOf(config));
}
