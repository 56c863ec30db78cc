import { createAccount } from '@linli/accounts/testing';
import { plainCellValue, readGrid } from '@linli/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../test/helpers.ts';

let t: TestApp;
const county = { tenantId: '370785', id: '01900000-0000-7000-8000-0000000000a1' };
const other = { tenantId: '532601', id: '01900000-0000-7000-8000-0000000000b1' };

beforeAll(async () => {
  t = await createTestApp();
  for (const c of [county, other]) {
    await t.deps.db.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${c.tenantId}, ${c.tenantId})`);
    await t.deps.db.execute(sql`INSERT INTO territory_node (tenant_id, id, kind, name, path, depth)
      VALUES (${c.tenantId}, ${c.id}, 'county', ${c.tenantId}, ${c.id.replace(/-/g, '')}, 0)`);
  }
  await createAccount(t.deps.db, { tenantId: county.tenantId, username: 'auditor1', grants: [{ role: 'audit_admin', nodeId: county.id }] });
  await createAccount(t.deps.db, { tenantId: county.tenantId, username: 'staff1', grants: [{ role: 'county_staff', nodeId: county.id }] });
  await createAccount(t.deps.db, {
    tenantId: county.tenantId,
    username: 'secadmin1',
    grants: [{ role: 'security_admin', nodeId: county.id }],
  });
  await createAccount(t.deps.db, {
    tenantId: other.tenantId,
    username: 'otherstaff',
    grants: [{ role: 'county_staff', nodeId: other.id }],
  });
});
afterAll(async () => {
  await t?.close();
});

describe('server', () => {
  it('answers health and readiness', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/v1/audit/events'].get.parameters.map((p: { name: string }) => p.name)).toContain('action');
  });

  it('answers unknown API paths with the error shape and 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/v1/nothing-here' } });
  });

  it('answers bad input with 400 and the field at fault, never 500', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_input', details: [{ field: 'password' }] });
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('invalid_input');
  });

  it('answers in Chinese when the caller prefers it, keeping the English beside', async () => {
    const zh = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
    const invalid = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: zh, payload: { username: 'x' } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({
      message: '输入有误',
      messageEn: 'The input is not valid',
      details: [{ field: 'password', reason: '缺少必填字段 password', reasonEn: "must have required property 'password'" }],
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: zh,
      payload: { username: 'nobody', password: 'wrong-Password1' },
    });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.message).toBe('用户名或密码错误，或账号已被暂时锁定');
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US' },
      payload: { username: 'x' },
    });
    expect(english.json().error.message).toBe('The input is not valid');
    expect(english.json().error.messageEn).toBeUndefined();
  });

  it('sends security headers', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('requires a session for API data', async () => {
    const res = await t.app.inject('/api/v1/audit/events');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('audit trail API', () => {
  it('lets the audit admin read the own tenant only, newest first, with filters', async () => {
    await login(t.app, 'otherstaff', 'Test@2026pass');
    await login(t.app, 'staff1', 'Test@2026pass');
    const auditor = await login(t.app, 'auditor1', 'Test@2026pass');
    const res = await t.app.inject({ url: '/api/v1/audit/events?action=auth.login', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((e: { actorName: string }) => e.actorName);
    expect(names).toEqual(['auditor1', 'staff1']);
    expect(names).not.toContain('otherstaff');
    // The record is named at read time: the account's display name, not its id.
    const first = res.json().items[0];
    expect(first).toMatchObject({ targetType: 'account', targetId: expect.any(String) });
    expect(first.targetName).toBeTruthy();
    expect(first.targetName).not.toBe(first.targetId);
    const verify = await t.app.inject({ url: '/api/v1/audit/verify', headers: auditor.headers });
    expect(verify.json()).toEqual({ checked: 2, breaks: [], checkpoints: 0, checkpointProblems: [] });
  });

  it('refuses other roles (separation of duties)', async () => {
    const staff = await login(t.app, 'staff1', 'Test@2026pass');
    const res = await t.app.inject({ url: '/api/v1/audit/events', headers: staff.headers });
    expect(res.statusCode).toBe(403);
  });

  it('exports the filtered trail to Excel', async () => {
    const auditor = await login(t.app, 'auditor1', 'Test@2026pass');
    const res = await t.app.inject({ url: '/api/v1/audit/events/export.xlsx?result=ok', headers: auditor.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('lists what each role may do by name, not by ability code', async () => {
    const admin = await login(t.app, 'secadmin1', 'Test@2026pass');
    const res = await t.app.inject({ url: '/api/v1/roles', headers: admin.headers });
    const county = res.json().find((r: { role: string }) => r.role === 'county_staff');
    expect(county.abilityNames.length).toBe(county.abilities.length);
    for (const a of county.abilityNames) {
      expect(a.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(a.zh).not.toBe(a.ability);
    }
  });

  it('exports the accounts with role and status names in Chinese, to the security admin only', async () => {
    const url = '/api/v1/accounts/export.xlsx';
    const staff = await login(t.app, 'staff1', 'Test@2026pass');
    expect((await t.app.inject({ url, headers: staff.headers })).statusCode).toBe(403);
    const admin = await login(t.app, 'secadmin1', 'Test@2026pass');
    const res = await t.app.inject({ url, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const grid = await readGrid('accounts.xlsx', res.rawPayload, {
      cellText: (v) => String(plainCellValue(v) ?? ''),
      csvRowNumbers: 'record',
    });
    const [header, ...accounts] = grid.map((r) => r.cells);
    const row = accounts.find((cells) => cells[header!.indexOf('用户名 Username')] === 'staff1')!;
    expect(row[header!.indexOf('角色 Roles')]).toBe('县（市、区）工作人员（370785）');
    expect(row[header!.indexOf('状态 Status')]).toBe('正常 active');
    expect(accounts.some((cells) => cells.includes('otherstaff'))).toBe(false);
  });
});
