import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditAppendCte, ensureAuditHead, recordAudit, verifyAuditChain } from './audit.ts';

let database: Database;

beforeEach(async () => {
  database = await createTestDatabase();
  await database.exec("INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市'), ('532601', '文山市')");
});
afterEach(async () => {
  await database?.close();
});

async function writeEvents(tenantId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        tenantId,
        action: 'test.write',
        targetType: 'thing',
        targetId: String(i),
        details: { i, nested: { b: 1, a: [1, 2] } },
      }),
    );
  }
}

describe('audit chain', () => {
  it('numbers records per tenant without gaps and verifies clean', async () => {
    await writeEvents('370785', 5);
    await writeEvents('532601', 2);
    const seqs = await database.query<{ tenant_id: string; seq: number }>('SELECT tenant_id, seq FROM audit_event ORDER BY tenant_id, seq');
    expect(seqs.map((r) => `${r.tenant_id}:${r.seq}`)).toEqual([
      '370785:1',
      '370785:2',
      '370785:3',
      '370785:4',
      '370785:5',
      '532601:1',
      '532601:2',
    ]);
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 7, breaks: [] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit records', async () => {
    await writeEvents('370785', 1);
    await expect(database.exec("UPDATE audit_event SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.exec('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(database.exec('TRUNCATE audit_event')).rejects.toThrow(/append-only/);
  });

  it('detects a changed record at its sequence number', async () => {
    await writeEvents('370785', 4);
    await database.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER;
      UPDATE audit_event SET details = '{"i": 99}' WHERE tenant_id = '370785' AND seq = 3;
      ALTER TABLE audit_event ENABLE TRIGGER USER;`);
    const { breaks } = await verifyAuditChain(database.db, { tenantId: '370785' });
    expect(breaks).toEqual([{ tenantId: '370785', seq: 3, reason: 'content does not match its hash' }]);
  });

  it('detects a removed record and a removed tail', async () => {
    await writeEvents('370785', 5);
    await database.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER;
      DELETE FROM audit_event WHERE tenant_id = '370785' AND seq IN (2, 5);
      ALTER TABLE audit_event ENABLE TRIGGER USER;`);
    const { breaks } = await verifyAuditChain(database.db, { tenantId: '370785' });
    expect(breaks.map((b) => b.seq)).toEqual([2, 3, 4]);
    expect(breaks[0]?.reason).toMatch(/missing/);
    expect(breaks.at(-1)?.reason).toMatch(/head/);
  });

  it('keeps one gap-free chain under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 8 }, () => writeEvents('370785', 3)));
    const { checked, breaks } = await verifyAuditChain(database.db, { tenantId: '370785' });
    expect(checked).toBe(24);
    expect(breaks).toEqual([]);
  });

  it('rolls back with the transaction it belongs to', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, { tenantId: '370785', action: 'test.write' });
        await tx.execute(sql`SELECT 1 / 0`);
      }),
    ).rejects.toThrow();
    expect(await database.query('SELECT * FROM audit_event')).toEqual([]);
    expect((await verifyAuditChain(database.db)).breaks).toEqual([]);
  });
});

describe('audit outside a transaction', () => {
  it('opens its own transaction, so concurrent callers still form one chain', async () => {
    const db = await createTestDatabase();
    try {
      await db.exec("INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市')");
      await Promise.all(
        Array.from({ length: 6 }, (_, i) => recordAudit(db.db, { tenantId: '370785', action: 'auth.login', targetId: String(i) })),
      );
      const { checked, breaks } = await verifyAuditChain(db.db, { tenantId: '370785' });
      expect(checked).toBe(6);
      expect(breaks).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('audit record appended inside the caller’s statement', () => {
  const appendInStatement = (i: number, when = sql`true`) =>
    database.db.execute(
      sql`WITH ${auditAppendCte(
        {
          tenantId: '370785',
          actorName: '王小明',
          action: 'test.statement',
          targetType: 'thing',
          targetId: String(i),
          details: { i, text: '楼道 "堆物"\n换行', nested: { b: [1, 'x'], a: null } },
        },
        { when, late: { number: sql`'2026-' || lpad(${String(i)}, 6, '0')` } },
      )} SELECT (SELECT seq FROM audit_appended) AS seq`,
    );

  it('hashes like recordAudit, with values known only in SQL, so the chain verifies across both', async () => {
    await writeEvents('370785', 2);
    await appendInStatement(7);
    await writeEvents('370785', 1);
    const [row] = await database.query<{ seq: number; action: string; details: Record<string, unknown> }>(
      "SELECT seq::int AS seq, action, details FROM audit_event WHERE action = 'test.statement'",
    );
    expect(row).toMatchObject({ seq: 3, details: { i: 7, number: '2026-000007', text: '楼道 "堆物"\n换行' } });
    expect(await verifyAuditChain(database.db, { tenantId: '370785' })).toEqual({ checked: 4, breaks: [] });
  });

  it('appends nothing when its condition is false, and nothing without a chain head', async () => {
    await writeEvents('370785', 1);
    await appendInStatement(1, sql`false`);
    await database.db.execute(
      sql`WITH ${auditAppendCte({ tenantId: '532601', action: 'test.statement' })} SELECT (SELECT seq FROM audit_appended) AS seq`,
    );
    expect(await database.query('SELECT tenant_id, seq::int AS seq FROM audit_event')).toEqual([{ tenant_id: '370785', seq: 1 }]);
    await ensureAuditHead(database.db, '532601');
    await database.db.execute(
      sql`WITH ${auditAppendCte({ tenantId: '532601', action: 'test.statement' })} SELECT (SELECT seq FROM audit_appended) AS seq`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({ checked: 2, breaks: [] });
  });

  it('keeps one gap-free chain when statements and recordAudit run concurrently', async () => {
    await writeEvents('370785', 1);
    await Promise.all([
      ...Array.from({ length: 6 }, async (_, w) => {
        for (let i = 0; i < 4; i++)
          await database.db.transaction((tx) =>
            tx.execute(sql`WITH ${auditAppendCte({ tenantId: '370785', action: 'test.statement', targetId: `${w}.${i}` })} SELECT 1`),
          );
      }),
      writeEvents('370785', 4),
    ]);
    const { checked, breaks } = await verifyAuditChain(database.db, { tenantId: '370785' });
    expect(checked).toBe(29);
    expect(breaks).toEqual([]);
  });

  it('still detects a changed record written this way', async () => {
    await ensureAuditHead(database.db, '370785');
    await appendInStatement(1);
    await appendInStatement(2);
    await database.exec(`ALTER TABLE audit_event DISABLE TRIGGER USER;
      UPDATE audit_event SET details = details || '{"number": "2026-000009"}' WHERE tenant_id = '370785' AND seq = 1;
      ALTER TABLE audit_event ENABLE TRIGGER USER;`);
    const { breaks } = await verifyAuditChain(database.db, { tenantId: '370785' });
    expect(breaks).toEqual([{ tenantId: '370785', seq: 1, reason: 'content does not match its hash' }]);
  });
});
