import fs from 'node:fs';
import path from 'node:path';
import { createAccount } from '@linli/accounts/testing';
import { auditHash, verifySignature } from '@linli/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../test/helpers.ts';

let t: TestApp;
const county = { tenantId: '370785', id: '01900000-0000-7000-8000-0000000000a1' };

beforeAll(async () => {
  t = await createTestApp();
  await t.deps.db.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${county.tenantId}, '高密市')`);
  await t.deps.db.execute(sql`INSERT INTO territory_node (tenant_id, id, kind, name, path, depth)
    VALUES (${county.tenantId}, ${county.id}, 'county', '高密市', ${county.id.replace(/-/g, '')}, 0)`);
  await createAccount(t.deps.db, { tenantId: county.tenantId, username: 'auditor1', grants: [{ role: 'audit_admin', nodeId: county.id }] });
  await createAccount(t.deps.db, { tenantId: county.tenantId, username: 'staff1', grants: [{ role: 'county_staff', nodeId: county.id }] });
});
afterAll(async () => {
  await t?.close();
});

describe('signed checkpoints of the audit chain (auditor page)', () => {
  it('the auditor writes a checkpoint on demand, reads it back with the public key, and the signature verifies', async () => {
    const auditor = await login(t.app, 'auditor1', 'Test@2026pass');
    const empty = await t.app.inject({ url: '/api/v1/audit/checkpoints', headers: auditor.headers });
    expect(empty.json()).toMatchObject({ items: [], problems: [] });

    const made = await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: auditor.headers });
    expect(made.statusCode).toBe(201);
    const checkpoint = made.json();
    const head = (
      await t.database.query<{ seq: number; hash: string }>("SELECT seq::int AS seq, hash FROM audit_head WHERE tenant_id = '370785'")
    )[0]!;
    // The checkpoint covers the record of its own writing.
    expect(checkpoint).toMatchObject({ tenantId: '370785', seq: head.seq, hash: head.hash });
    expect(fs.existsSync(path.join(t.deps.config.auditCheckpoints.dir, checkpoint.file))).toBe(true);

    const list = (await t.app.inject({ url: '/api/v1/audit/checkpoints', headers: auditor.headers })).json();
    expect(list.items).toEqual([checkpoint]);
    expect(list.fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(verifySignature(checkpoint.signedText, checkpoint.signature, list.publicKey)).toBe(true);

    const verify = (await t.app.inject({ url: '/api/v1/audit/verify', headers: auditor.headers })).json();
    expect(verify).toMatchObject({ breaks: [], checkpoints: 1, checkpointProblems: [] });
  });

  it('refuses other roles', async () => {
    const staff = await login(t.app, 'staff1', 'Test@2026pass');
    expect((await t.app.inject({ url: '/api/v1/audit/checkpoints', headers: staff.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/audit/checkpoints', headers: staff.headers })).statusCode).toBe(403);
  });

  it('after a rewrite with the public hash function, verify reports it and no checkpoint vouches for it', async () => {
    const auditor = await login(t.app, 'auditor1', 'Test@2026pass');
    const [checkpoint] = (await t.app.inject({ url: '/api/v1/audit/checkpoints', headers: auditor.headers })).json().items;
    // Rewrite record 1 and recompute every hash with the unkeyed function, as someone with database
    // write access but without the key would.
    await t.database.exec('ALTER TABLE audit_event DISABLE TRIGGER USER');
    const records = await t.database.query<Record<string, unknown>>("SELECT * FROM audit_event WHERE tenant_id = '370785' ORDER BY seq");
    let prev = '';
    for (const r of records) {
      const seq = Number(r.seq);
      const details = seq === 1 ? { forged: true } : (r.details as Record<string, unknown>);
      const hash = auditHash(prev, {
        tenantId: '370785',
        seq,
        at: new Date(r.at as string).toISOString(),
        actorId: (r.actor_id as string | null) ?? null,
        actorName: (r.actor_name as string | null) ?? null,
        action: r.action as string,
        targetType: (r.target_type as string | null) ?? null,
        targetId: (r.target_id as string | null) ?? null,
        result: r.result as 'ok',
        clientIp: (r.client_ip as string | null) ?? null,
        details,
      });
      await t.deps.db.execute(
        sql`UPDATE audit_event SET details = ${JSON.stringify(details)}::jsonb, prev_hash = ${prev}, hash = ${hash} WHERE tenant_id = '370785' AND seq = ${seq}`,
      );
      prev = hash;
    }
    await t.deps.db.execute(sql`UPDATE audit_head SET hash = ${prev} WHERE tenant_id = '370785'`);
    await t.database.exec('ALTER TABLE audit_event ENABLE TRIGGER USER');

    const verify = (await t.app.inject({ url: '/api/v1/audit/verify', headers: auditor.headers })).json();
    expect(verify.breaks[0]).toEqual({ seq: 1, reason: 'content does not match its hash' });
    expect(verify.breaks).toContainEqual({
      seq: checkpoint.seq,
      reason: `the chain does not match the signed checkpoint at seq ${checkpoint.seq} (${checkpoint.file})`,
    });
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/checkpoints',
      headers: { ...auditor.headers, 'accept-language': 'zh-CN' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('审计日志已被篡改或损坏，未生成检查点');
  });
});
