import fs from 'node:fs/promises';
import path from 'node:path';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import { canonicalJson } from './audit.ts';
import { type AuditKeys, auditKeys, publicKeyFingerprint, verifySignature } from './audit-keys.ts';
import type { IntervalJob } from './scheduler.ts';

/**
 * Signed checkpoints of the audit chain, written outside the database. Each file states one
 * tenant's chain head (sequence number and hash) at a time, signed with the installation's Ed25519
 * key: whoever rewrites the chain in the database cannot make it pass through a hash already
 * checkpointed, nor sign a new checkpoint. `npm run audit:verify` checks the chain against every
 * checkpoint; the auditor page shows the latest for printing and public notice (公示), and anyone
 * with the public key can check a printed copy: the signature is Ed25519 over `signedText`, the
 * canonical JSON of format, tenantId, seq, hash, keyedFrom and at (keys sorted, no spaces).
 */

export const CHECKPOINT_FORMAT = 'linli-audit-checkpoint/1';

export interface AuditCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  tenantId: string;
  seq: number;
  hash: string;
  /** First sequence number of the keyed (HMAC) part of the chain. */
  keyedFrom: number;
  at: string;
  /** Ed25519 public key, base64 of its 32 raw bytes, and its fingerprint. */
  publicKey: string;
  fingerprint: string;
  /** Ed25519 signature of signedText(checkpoint), base64. */
  signature: string;
}

/** The exact text the signature covers. */
export function signedText(c: Pick<AuditCheckpoint, 'format' | 'tenantId' | 'seq' | 'hash' | 'keyedFrom' | 'at'>): string {
  return canonicalJson({ format: c.format, tenantId: c.tenantId, seq: c.seq, hash: c.hash, keyedFrom: c.keyedFrom, at: c.at });
}

export interface StoredCheckpoint extends AuditCheckpoint {
  /** Path relative to the checkpoint directory. */
  file: string;
}

export interface CheckpointProblem {
  file: string;
  tenantId?: string;
  reason: string;
}

const safeTenant = (tenantId: string) => tenantId.replace(/[^0-9A-Za-z_-]/g, '_');

/**
 * Writes a checkpoint of each tenant's chain head (or one tenant's) that moved since its latest
 * checkpoint — or of every head when `force` is set. Files go to `<dir>/<tenant>/`, written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
export async function writeAuditCheckpoints(
  db: Db,
  dir: string,
  options: { tenantId?: string; force?: boolean; keys?: AuditKeys; now?: Date } = {},
): Promise<StoredCheckpoint[]> {
  const keys = options.keys ?? auditKeys();
  const heads = await rows<{ tenant_id: string; seq: number; hash: string; keyed_from: number }>(
    db,
    sql`SELECT tenant_id, seq, hash, keyed_from FROM audit_head
        WHERE seq > 0 ${options.tenantId ? sql`AND tenant_id = ${options.tenantId}` : sql``} ORDER BY tenant_id`,
  );
  const written: StoredCheckpoint[] = [];
  for (const head of heads) {
    const tenantId = head.tenant_id;
    if (!options.force) {
      const [latest] = (await readAuditCheckpoints(dir, { tenantId, limit: 1 })).checkpoints;
      if (latest && latest.seq === Number(head.seq) && latest.hash === head.hash) continue;
    }
    const at = (options.now ?? new Date()).toISOString();
    const claim = {
      format: CHECKPOINT_FORMAT,
      tenantId,
      seq: Number(head.seq),
      hash: head.hash,
      keyedFrom: Number(head.keyed_from),
      at,
    } as const;
    const checkpoint: AuditCheckpoint = {
      ...claim,
      publicKey: keys.publicKeyBase64,
      fingerprint: keys.fingerprint,
      signature: keys.sign(signedText(claim)),
    };
    const file = path.join(safeTenant(tenantId), `${String(claim.seq).padStart(12, '0')}-${at.replace(/[:.]/g, '')}.json`);
    const full = path.join(dir, file);
    await fs.mkdir(path.dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.tmp`;
    await fs.writeFile(tmp, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'w' });
    await fs.rename(tmp, full);
    written.push({ ...checkpoint, file });
  }
  return written;
}

/**
 * The checkpoints in the directory, newest first (by sequence number, then time), each checked
 * against the installation's public key. A file that cannot be read, is not a checkpoint, or whose
 * signature does not verify with this key is a problem, not a checkpoint.
 */
export async function readAuditCheckpoints(
  dir: string,
  options: { tenantId?: string; limit?: number; keys?: AuditKeys } = {},
): Promise<{ checkpoints: StoredCheckpoint[]; problems: CheckpointProblem[] }> {
  const keys = options.keys ?? auditKeys();
  const tenantDirs = options.tenantId ? [safeTenant(options.tenantId)] : await listDir(dir);
  const checkpoints: StoredCheckpoint[] = [];
  const problems: CheckpointProblem[] = [];
  for (const tenantDir of tenantDirs) {
    const names = (await listDir(path.join(dir, tenantDir)))
      .filter((n) => n.endsWith('.json'))
      .sort()
      .reverse();
    for (const name of names) {
      if (options.limit !== undefined && checkpoints.length >= options.limit && options.tenantId) break;
      const file = path.join(tenantDir, name);
      let parsed: AuditCheckpoint;
      try {
        parsed = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as AuditCheckpoint;
      } catch {
        problems.push({ file, reason: 'the checkpoint file cannot be read' });
        continue;
      }
      const problem = checkCheckpoint(parsed, keys);
      if (problem) {
        problems.push({ file, tenantId: typeof parsed?.tenantId === 'string' ? parsed.tenantId : undefined, reason: problem });
        continue;
      }
      if (options.tenantId && parsed.tenantId !== options.tenantId) continue;
      checkpoints.push({ ...parsed, file });
    }
  }
  checkpoints.sort((a, b) => b.seq - a.seq || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { checkpoints: options.limit !== undefined ? checkpoints.slice(0, options.limit) : checkpoints, problems };
}

function checkCheckpoint(c: AuditCheckpoint, keys: AuditKeys): string | undefined {
  if (!c || typeof c !== 'object' || c.format !== CHECKPOINT_FORMAT) return 'not an audit checkpoint';
  if (typeof c.tenantId !== 'string' || !Number.isSafeInteger(c.seq) || typeof c.hash !== 'string' || !Number.isSafeInteger(c.keyedFrom)) {
    return 'not an audit checkpoint';
  }
  if (c.publicKey !== keys.publicKeyBase64) {
    return `signed with another key (fingerprint ${publicKeyFingerprint(String(c.publicKey ?? ''))}), not this installation's`;
  }
  if (typeof c.signature !== 'string' || !verifySignature(signedText(c), c.signature, keys.publicKeyBase64)) {
    return 'the signature does not verify: the checkpoint was changed';
  }
  return undefined;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The scheduled checkpoint: every `minutes`, a checkpoint of each chain head that moved. */
export function auditCheckpointJob(db: Db, dir: string, minutes: number): IntervalJob {
  return {
    name: 'audit-checkpoint',
    intervalMs: minutes * 60_000,
    run: async () => ({ checkpoints: (await writeAuditCheckpoints(db, dir)).length }),
  };
}
