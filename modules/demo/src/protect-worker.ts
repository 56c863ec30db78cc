// Worker thread of protect-in-worker.ts: encrypts, keyed-hashes and masks batches of phone and ID
// numbers with a cipher made from the same master key, so the demo load's main thread (which also
// runs the embedded database) does not spend seconds on AES and HMAC.
import { parentPort, workerData } from 'node:worker_threads';
import { PersonalDataCipher } from '@linli/core';
import type { ProtectBatch, ProtectedColumns } from './protect-in-worker.ts';

const cipher = new PersonalDataCipher(Buffer.from(workerData.key as Uint8Array));
parentPort?.on('message', (batch: ProtectBatch) => {
  const out: ProtectedColumns = { id: batch.id, enc: [], hash: [], masked: [] };
  for (const value of batch.values) {
    const p = cipher.protect(value, batch.kind);
    out.enc.push(p.enc);
    out.hash.push(p.hash);
    out.masked.push(p.masked);
  }
  parentPort?.postMessage(out);
});
