import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditResult, auditAppendCte, auditHash, recordAudit, verifyAuditChain } from './audit.ts';
import { auditCheckpointJob, readAuditCheckpoints, signedText, writeAuditCheckpoints } from './audit-checkpoint.ts';
import { AuditKeys, auditKeys, verifySignature } from './audit-keys.ts';

// What someone with write access to the database (but not the master key) can do to the audit
// trail: switch off the append-only trigger, change a record, and recompute every later hash with
// the product's own, public hash function so that the chain links up again.

let database: Database;
let dir: string;

beforeEach(async () => {
  database = await createTestDatabase();
  await database.exec("INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市')");
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'linli-checkpoints-'));
});
afterEach(async () => {
  await database?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

async function writeEvents(count: number, from = 0) {
  for (let i = from; i < from + count; i++) {
    await recordAudit(database.db, { tenantId: '370785', action: 'people.resident.update', targetId: String(i), details: { i } });
  }
  // One written by the one-statement path too (demand intake).
  await database.db.execute(sql`WITH ${auditAppendCte({ tenantId: '370785', action: 'demand.submit', details: { n: from } })} SELECT 1`);
}

/**
 * Changes record `seq` and recomputes the chain from there on with `hash` (the unkeyed public
 * function, or a guessed key), updating the head — all as plain SQL with the trigger disabled.
 */
async function rewriteChain(seq: number, hash: (prev: string, r: Parameters<typeof auditHash>[1]) => string, keyedFrom?: number) {
  await database.exec('ALTER TABLE audit_event DISABLE TRIGGER USER');
  await database.exec(`UPDATE audit_event SET details = '{"i": 999, "forged": true}' WHERE tenant_id = '370785' AND seq = ${seq}`);
  const records = await database.query<Record<string, unknown>>(
    `SELECT seq::int AS seq, at, actor_id, actor_name, action, target_type, target_id, result, client_ip, details, prev_hash
       FROM audit_event WHERE tenant_id = '370785' ORDER BY seq`,
  );
  let prev = '';
  for (const r of records) {
    const s = Number(r.seq);
    if (s < seq) {
      prev = (await database.query<{ hash: string }>(`SELECT hash FROM audit_event WHERE tenant_id = '370785' AND seq = ${s}`))[0]!.hash;
      continue;
    }
    const next = hash(prev, {
      tenantId: '370785',
      seq: s,
      at: new Date(r.at as string).toISOString(),
      actorId: (r.actor_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      action: r.action as string,
      targetType: (r.target_type as string | null) ?? null,
      targetId: (r.target_id as string | null) ?? null,
      result: r.result as AuditResult,
      clientIp: (r.client_ip as string | null) ?? null,
      details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
    });
    await database.db.execute(sql`UPDATE audit_event SET prev_hash = ${prev}, hash = ${next} WHERE tenant_id = '370785' AND seq = ${s}`);
    prev = next;
  }
  await database.db.execute(
    sql`UPDATE audit_head SET hash = ${prev} ${keyedFrom !== undefined ? sql`, keyed_from = ${keyedFrom}` : sql``} WHERE tenant_id = '370785'`,
  );
  await database.exec('ALTER TABLE audit_event ENABLE TRIGGER USER');
}

const verify = async () => {
  const { checkpoints } = await readAuditCheckpoints(dir, { tenantId: '370785' });
  return (await verifyAuditChain(database.db, { tenantId: '370785', checkpoints })).breaks;
};

describe('a chain rewritten from the database', () => {
  it('recomputed with the public (unkeyed) hash function is reported as tampered at the changed record', async () => {
    await writeEvents(5);
    expect(await verify()).toEqual([]);
    await rewriteChain(3, (prev, r) => auditHash(prev, r));
    const breaks = await verify();
    expect(breaks[0]).toEqual({ tenantId: '370785', seq: 3, reason: 'content does not match its hash' });
    expect(breaks.map((b) => b.seq)).toEqual([3, 4, 5, 6]);
  });

  it('recomputed with a guessed key is reported too: the key is not in the database', async () => {
    await writeEvents(3);
    const guessed = new AuditKeys(Buffer.alloc(32, 0)).tenantKey('370785');
    await rewriteChain(2, (prev, r) => auditHash(prev, r, guessed));
    expect((await verify()).map((b) => `${b.seq} ${b.reason}`)).toEqual([
      '2 content does not match its hash',
      '3 content does not match its hash',
      '4 content does not match its hash',
    ]);
    // With the real key the same rewrite would verify: the key is what the evidence rests on.
    await rewriteChain(2, (prev, r) => auditHash(prev, r, auditKeys().tenantKey('370785')));
    expect(await verify()).toEqual([]);
  });

  it('recomputed unkeyed with the keyed part moved past the head does not match the signed checkpoint', async () => {
    await writeEvents(4);
    const [written] = await writeAuditCheckpoints(database.db, dir);
    expect(written).toMatchObject({ tenantId: '370785', seq: 5, keyedFrom: 1 });
    await writeEvents(2, 10);
    expect(await verify()).toEqual([]);

    // Moved past the head, the keyed part's start is itself a break.
    await rewriteChain(1, (prev, r) => auditHash(prev, r), 1_000_000);
    expect((await verifyAuditChain(database.db, { tenantId: '370785' })).breaks).toEqual([
      { tenantId: '370785', seq: 8, reason: 'the keyed part of the chain is said to begin after its head (seq 1000000)' },
    ]);
    // The whole chain declared "from before the key" (as migration 0017 leaves a chain it has not
    // seen grow) and recomputed with the public function: it links up…
    await rewriteChain(1, (prev, r) => auditHash(prev, r), 9);
    expect((await verifyAuditChain(database.db, { tenantId: '370785' })).breaks).toEqual([]);
    // …but not through the head hash signed at seq 5, kept outside the database.
    expect(await verify()).toEqual([
      { tenantId: '370785', seq: 5, reason: `the chain does not match the signed checkpoint at seq 5 (${written!.file})` },
    ]);
  });

  it('a chain cut back behind a checkpoint is reported', async () => {
    await writeEvents(3);
    await writeAuditCheckpoints(database.db, dir);
    await database.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER;
      DELETE FROM audit_event WHERE tenant_id = '370785' AND seq >= 3;
      UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_event WHERE tenant_id = '370785' AND seq = 2);
      ALTER TABLE audit_event ENABLE TRIGGER USER;`);
    expect((await verifyAuditChain(database.db, { tenantId: '370785' })).breaks).toEqual([]);
    expect((await verify()).map((b) => b.reason)).toEqual([expect.stringMatching(/^record 4 of the signed checkpoint .* is missing$/)]);
  });
});

describe('a chain begun before the key', () => {
  it('keeps verifying its unkeyed records, and is keyed from the switch-over of migration 0017 on', async () => {
    // Three records as the product wrote them before: unkeyed SHA-256.
    let prev = '';
    for (let seq = 1; seq <= 3; seq++) {
      const r = {
        tenantId: '370785',
        seq,
        at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
        actorId: null,
        actorName: 'admin',
        action: 'legacy.write',
        targetType: null,
        targetId: null,
        result: 'ok' as const,
        clientIp: null,
        details: { seq },
      };
      const hash = auditHash(prev, r);
      await database.db.execute(sql`INSERT INTO audit_event (tenant_id, seq, at, actor_name, action, result, details, prev_hash, hash)
        VALUES ('370785', ${seq}, ${r.at}, 'admin', 'legacy.write', 'ok', ${JSON.stringify(r.details)}::jsonb, ${prev}, ${hash})`);
      prev = hash;
    }
    await database.db.execute(sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES ('370785', 3, ${prev})`);
    // What migration 0017 does to every existing head.
    await database.exec('UPDATE audit_head SET keyed_from = seq + 1');
    await writeEvents(2);
    expect(await verify()).toEqual([]);
    const [head] = await database.query<{ keyed_from: number; seq: number }>(
      'SELECT keyed_from::int AS keyed_from, seq::int AS seq FROM audit_head',
    );
    expect(head).toEqual({ keyed_from: 4, seq: 6 });
    // The records from the switch-over on carry the keyed hash, not the public one.
    const [row] = await database.query<Record<string, unknown>>('SELECT * FROM audit_event WHERE seq = 4');
    const fourth = {
      tenantId: '370785',
      seq: 4,
      at: new Date(row!.at as string).toISOString(),
      actorId: null,
      actorName: null,
      action: row!.action as string,
      targetType: null,
      targetId: row!.target_id as string,
      result: 'ok' as const,
      clientIp: null,
      details: row!.details as Record<string, unknown>,
    };
    expect(row!.prev_hash).toBe(prev);
    expect(row!.hash).toBe(auditHash(prev, fourth, auditKeys().tenantKey('370785')));
    expect(row!.hash).not.toBe(auditHash(prev, fourth));
  });
});

describe('signed checkpoints', () => {
  it('hold tenant, seq, head hash, keyed_from and time, signed with Ed25519 that the public key verifies', async () => {
    await writeEvents(2);
    const now = new Date('2026-12-02T08:00:00.000Z');
    const [c] = await writeAuditCheckpoints(database.db, dir, { now });
    const head = (
      await database.query<{ seq: number; hash: string }>("SELECT seq::int AS seq, hash FROM audit_head WHERE tenant_id = '370785'")
    )[0]!;
    expect(c).toMatchObject({
      format: 'linli-audit-checkpoint/1',
      tenantId: '370785',
      seq: head.seq,
      hash: head.hash,
      at: now.toISOString(),
    });
    expect(c!.publicKey).toBe(auditKeys().publicKeyBase64);
    expect(c!.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(verifySignature(signedText(c!), c!.signature, c!.publicKey)).toBe(true);
    expect(verifySignature(signedText({ ...c!, seq: c!.seq - 1 }), c!.signature, c!.publicKey)).toBe(false);
    // Nothing new is written while the head has not moved; forced, it is.
    expect(await writeAuditCheckpoints(database.db, dir)).toEqual([]);
    expect(await writeAuditCheckpoints(database.db, dir, { force: true })).toHaveLength(1);
  });

  it('the scheduled job checkpoints each head that moved since its last checkpoint, and nothing else', async () => {
    const job = auditCheckpointJob(database.db, dir, 15);
    expect(job.intervalMs).toBe(15 * 60_000);
    expect(await job.run()).toEqual({ checkpoints: 0 });
    await writeEvents(1);
    expect(await job.run()).toEqual({ checkpoints: 1 });
    expect(await job.run()).toEqual({ checkpoints: 0 });
    await writeEvents(1);
    expect(await job.run()).toEqual({ checkpoints: 1 });
    expect((await readAuditCheckpoints(dir)).checkpoints.map((c) => c.seq)).toEqual([4, 2]);
  });

  it('a changed checkpoint file, or one signed by another key, is a problem, not a checkpoint', async () => {
    await writeEvents(1);
    const [c] = await writeAuditCheckpoints(database.db, dir);
    const file = path.join(dir, c!.file);
    const forged = { ...JSON.parse(await fs.readFile(file, 'utf8')), hash: 'f'.repeat(64) };
    await fs.writeFile(file, JSON.stringify(forged));
    const other = new AuditKeys(Buffer.alloc(32, 1));
    await writeAuditCheckpoints(database.db, dir, { keys: other, force: true, now: new Date(Date.now() + 1000) });
    const { checkpoints, problems } = await readAuditCheckpoints(dir);
    expect(checkpoints).toEqual([]);
    expect(problems.map((p) => p.reason).sort()).toEqual([
      expect.stringMatching(/^signed with another key \(fingerprint [0-9a-f ]+\), not this installation's$/),
      'the signature does not verify: the checkpoint was changed',
    ]);
  });
});
