import { verifyAuditChain } from '@linli/core';
import { rows } from '@linli/db';
import { createTestApp, login, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, TEST_PASSWORD } from '../testing.ts';

let t: TestApp;
const tenantId = '370785';
const countyId = '01900000-0000-7000-8000-000000000001';

beforeAll(async () => {
  t = await createTestApp();
  await t.deps.db.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${tenantId}, '高密市')`);
  await t.deps.db.execute(sql`INSERT INTO territory_node (tenant_id, id, kind, name, path, depth)
    VALUES (${tenantId}, ${countyId}, 'county', '高密市', ${countyId.replace(/-/g, '')}, 0)`);
});
afterAll(async () => {
  await t?.close();
});

let n = 0;
let username: string;
beforeEach(async () => {
  username = `user${++n}`;
  await createAccount(t.deps.db, { tenantId, username, grants: [{ role: 'county_staff', nodeId: countyId }] });
});

const attempt = (password: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('login', () => {
  it('signs in with the right password and returns user, scope and abilities on /auth/me', async () => {
    const session = await login(t.app, username, TEST_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user).toMatchObject({ username, tenantId, tenantName: '高密市' });
    expect(body.grants).toEqual([expect.objectContaining({ role: 'county_staff', nodeId: countyId, nodeName: '高密市' })]);
    expect(body.abilities).toContain('territory.read');
    expect(body.abilities).not.toContain('audit.read');
    expect(body.passwordExpired).toBe(false);
  });

  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    const res = await attempt(TEST_PASSWORD);
    const cookie = res.cookies.find((c) => c.name === 'linli_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('answers the same 401 for a wrong password and an unknown user', async () => {
    const wrong = await attempt('Wrong@2026x');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong@2026x')).statusCode).toBe(401);
    const fifth = await attempt('Wrong@2026x');
    // The lock is not announced (that would tell the name exists): the same 401 as any failure.
    expect(fifth.statusCode).toBe(401);
    expect(fifth.json().error.code).toBe('unauthenticated');
    const [lock] = await rows<{ seconds: number }>(
      t.deps.db,
      sql`SELECT extract(epoch FROM locked_until - now())::float8 AS seconds FROM account WHERE username = ${username}`,
    );
    expect(lock?.seconds).toBeGreaterThan(14 * 60);
    expect(lock?.seconds).toBeLessThanOrEqual(15 * 60);
    const right = await attempt(TEST_PASSWORD);
    expect(right.statusCode).toBe(401);
    expect(right.cookies.find((c) => c.name === 'linli_session')).toBeUndefined();
  });

  it('lets the user in again once the lock has expired', async () => {
    for (let i = 0; i < 5; i++) await attempt('Wrong@2026x');
    await t.deps.db.execute(sql`UPDATE account SET locked_until = now() - interval '1 second' WHERE username = ${username}`);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a success resets the failure count', async () => {
    for (let i = 0; i < 4; i++) await attempt('Wrong@2026x');
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('Wrong@2026x')).statusCode).toBe(401);
  });

  it('audits failed and successful logins in a valid chain', async () => {
    await attempt('Wrong@2026x');
    await attempt(TEST_PASSWORD);
    const events = await rows<{ action: string; result: string }>(
      t.deps.db,
      sql`SELECT e.action, e.result FROM audit_event e JOIN account a ON a.id = e.actor_id WHERE a.username = ${username} ORDER BY seq`,
    );
    expect(events).toEqual([
      { action: 'auth.login', result: 'failed' },
      { action: 'auth.login', result: 'ok' },
    ]);
    expect((await verifyAuditChain(t.deps.db, { tenantId })).breaks).toEqual([]);
  });
});

describe('sessions', () => {
  it('refuses a state-changing request without the CSRF token', async () => {
    const session = await login(t.app, username, TEST_PASSWORD);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.headers.cookie } });
    expect(res.statusCode).toBe(403);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(ok.statusCode).toBe(204);
  });

  it('ends a session on logout', async () => {
    const session = await login(t.app, username, TEST_PASSWORD);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(401);
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const session = await login(t.app, username, TEST_PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(200);
    await t.deps.db.execute(sql`UPDATE session SET last_seen_at = now() - interval '31 minutes'
      WHERE account_id = (SELECT id FROM account WHERE username = ${username})`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('ends a session past its absolute lifetime even when active', async () => {
    const session = await login(t.app, username, TEST_PASSWORD);
    await t.deps.db.execute(sql`UPDATE session SET expires_at = now() - interval '1 second'
      WHERE account_id = (SELECT id FROM account WHERE username = ${username})`);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('confines a user with an expired password to changing it', async () => {
    await t.deps.db.execute(sql`UPDATE account SET password_changed_at = now() - interval '91 days' WHERE username = ${username}`);
    const session = await login(t.app, username, TEST_PASSWORD);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.json().passwordExpired).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roles', headers: session.headers })).statusCode).toBe(403);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('password');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'New@pass2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/roles', headers: session.headers })).statusCode).toBe(200);
  });
});
