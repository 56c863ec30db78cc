import { defaultPasswordPolicy } from '@linli/core';
import { rows } from '@linli/db';
import { isDemoLoaded, isDemoNeeded } from '@linli/demo';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers.ts';
import { generatePassword, initTenant } from './init-tenant.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const count = async (table: string, tenantId: string) =>
  (await rows<{ n: number }>(t.deps.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`))[0]?.n;

describe('initTenant (npm run tenant:init)', () => {
  it('creates the county with its shipped divisions and first accounts that must change their one-time password', async () => {
    const result = await initTenant(t.deps.db, defaultPasswordPolicy, {
      code: '341602',
      name: '谯城区',
      accounts: [
        { username: 'qc.sys', role: 'system_admin' },
        { username: 'qc.sec', role: 'security_admin' },
      ],
    });
    expect(result.tenantCreated).toBe(true);
    const kinds = await rows<{ kind: string; n: number }>(
      t.deps.db,
      sql`SELECT kind, count(*)::int AS n FROM territory_node WHERE tenant_id = '341602' GROUP BY kind ORDER BY kind`,
    );
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind.county).toBe(1);
    expect(byKind.subdistrict).toBeGreaterThan(10);
    expect(byKind.community).toBeGreaterThan(100);
    expect(result.territoryNodes).toBe(kinds.reduce((sum, k) => sum + k.n, 0));

    expect(result.accounts.map((a) => a.username)).toEqual(['qc.sys', 'qc.sec']);
    const [sys, sec] = result.accounts;
    expect(sys!.oneTimePassword).not.toBe(sec!.oneTimePassword);

    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'qc.sys', password: sys!.oneTimePassword },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().passwordExpired).toBe(true);
    expect(login.json().user.tenantName).toBe('谯城区');

    const grants = await rows<{ username: string; role: string; kind: string }>(
      t.deps.db,
      sql`SELECT a.username, g.role, n.kind FROM role_grant g JOIN account a ON a.id = g.account_id
          JOIN territory_node n ON n.tenant_id = g.tenant_id AND n.id = g.node_id WHERE g.tenant_id = '341602' ORDER BY a.username`,
    );
    expect(grants).toEqual([
      { username: 'qc.sec', role: 'security_admin', kind: 'county' },
      { username: 'qc.sys', role: 'system_admin', kind: 'county' },
    ]);
    const audit = await rows<{ action: string }>(t.deps.db, sql`SELECT action FROM audit_event WHERE tenant_id = '341602' ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['tenant.init', 'account.create', 'account.create', 'auth.login']);
  });

  it('refuses a taken user name and writes nothing', async () => {
    await expect(
      initTenant(t.deps.db, defaultPasswordPolicy, {
        code: '532601',
        name: '文山市',
        accounts: [
          { username: 'ws.sys', role: 'system_admin' },
          { username: 'qc.sys', role: 'audit_admin' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'conflict', details: { field: 'username' } });
    expect(await count('territory_node', '532601')).toBe(0);
    expect((await rows(t.deps.db, sql`SELECT 1 FROM tenant WHERE tenant_id = '532601'`)).length).toBe(0);
    expect((await rows(t.deps.db, sql`SELECT 1 FROM account WHERE username = 'ws.sys'`)).length).toBe(0);
  });

  it('refuses a county that is not in the division files, a bad code and a repeated name', async () => {
    await expect(
      initTenant(t.deps.db, defaultPasswordPolicy, {
        code: '110101',
        name: '东城区',
        accounts: [{ username: 'dc.sys', role: 'system_admin' }],
      }),
    ).rejects.toMatchObject({ code: 'unprocessable', details: [{ reason: 'the file has no rows of county 110101' }] });
    expect((await rows(t.deps.db, sql`SELECT 1 FROM tenant WHERE tenant_id = '110101'`)).length).toBe(0);
    await expect(
      initTenant(t.deps.db, defaultPasswordPolicy, {
        code: '37078',
        name: '高密市',
        accounts: [{ username: 'gm.sys', role: 'system_admin' }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: [{ field: 'code' }] });
    await expect(
      initTenant(t.deps.db, defaultPasswordPolicy, {
        code: '370785',
        name: '高密市',
        accounts: [
          { username: 'gm.sys', role: 'system_admin' },
          { username: 'gm.sys', role: 'audit_admin' },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: [{ field: 'username' }] });
  });

  it('adds accounts to an existing county without duplicating its territory', async () => {
    const before = await count('territory_node', '341602');
    const result = await initTenant(t.deps.db, defaultPasswordPolicy, {
      code: '341602',
      name: '谯城区',
      accounts: [{ username: 'qc.audit', role: 'audit_admin' }],
    });
    expect(result.tenantCreated).toBe(false);
    expect(await count('territory_node', '341602')).toBe(before);
    // A real county is not the demo: the server neither loads the demo nor lists its accounts.
    expect(await isDemoNeeded(t.database)).toBe(false);
    expect(await isDemoLoaded(t.database)).toBe(false);
  });
});

describe('generatePassword', () => {
  it('meets a strict policy every time and does not repeat', () => {
    const policy = { minLength: 14, minClasses: 4, maxAgeDays: 90 };
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword(policy);
      expect(p.length).toBeGreaterThanOrEqual(16);
      for (const re of [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(p).toMatch(re);
      expect(p).not.toMatch(/[0O1lI]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
