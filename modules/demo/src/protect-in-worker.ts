import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PersonalDataCipher } from '@linli/core';

export interface ProtectBatch {
  id: number;
  kind: 'phone' | 'id_number';
  values: string[];
}

/** The three stored columns of a batch of values, in order. */
export interface ProtectedColumns {
  id: number;
  enc: (string | null)[];
  hash: (string | null)[];
  masked: (string | null)[];
}

const BATCH = 5_000;

export interface ProtectGroup {
  kind: 'phone' | 'id_number';
  values: readonly string[];
}

type Columns = Omit<ProtectedColumns, 'id'>;

/**
 * Protects many values (cipher.protect: AES-256-GCM, keyed hash, mask) on one worker thread, in
 * batches, while the caller's thread goes on with other work (the demo load inserts the territory
 * meanwhile). Returns the columns of each group in its order. Without the master key it protects
 * them here with the cipher, one by one.
 */
export function protectMany(
  groups: readonly ProtectGroup[],
  source: { masterKey?: Buffer; cipher: PersonalDataCipher },
): Promise<Columns[]> {
  if (!source.masterKey) {
    return Promise.resolve(
      groups.map(({ kind, values }) => {
        const out: Columns = { enc: [], hash: [], masked: [] };
        for (const v of values) {
          const p = source.cipher.protect(v, kind);
          out.enc.push(p.enc);
          out.hash.push(p.hash);
          out.masked.push(p.masked);
        }
        return out;
      }),
    );
  }
  const batches: ProtectBatch[] = [];
  const groupOf: number[] = [];
  groups.forEach(({ kind, values }, g) => {
    for (let i = 0; i < values.length; i += BATCH) {
      groupOf.push(g);
      batches.push({ id: batches.length, kind, values: values.slice(i, i + BATCH) });
    }
  });
  if (batches.length === 0) return Promise.resolve(groups.map(() => ({ enc: [], hash: [], masked: [] })));
  const worker = startWorker(source.masterKey);
  return new Promise((resolve, reject) => {
    const parts: ProtectedColumns[] = [];
    const finish = (err?: Error) => {
      void worker.terminate();
      if (err) return reject(err);
      parts.sort((a, b) => a.id - b.id);
      const out: Columns[] = groups.map(() => ({ enc: [], hash: [], masked: [] }));
      for (const part of parts) {
        const target = out[groupOf[part.id] as number] as Columns;
        target.enc.push(...part.enc);
        target.hash.push(...part.hash);
        target.masked.push(...part.masked);
      }
      resolve(out);
    };
    worker.on('message', (part: ProtectedColumns) => {
      parts.push(part);
      if (parts.length === batches.length) finish();
    });
    worker.on('error', (err) => finish(err));
    for (const batch of batches) worker.postMessage(batch);
  });
}

/** The worker is TypeScript: it registers tsx's loader in its own thread, then imports protect-worker.ts. */
function startWorker(masterKey: Buffer): Worker {
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const target = new URL('./protect-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(pathToFileURL(api).href)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { key: new Uint8Array(masterKey) } });
  worker.unref();
  return worker;
}
