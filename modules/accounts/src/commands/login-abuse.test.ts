import {
  hashPassword,
  loadConfig,
  type PasswordCheck,
  passwordCheckChannel,
  passwordHashParameters,
  UNUSABLE_PASSWORD_HASH,
} from '@linli/core';
import { createTestApp, type TestApp } from '@linli/server/test/helpers';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccount, TEST_PASSWORD } from '../testing.ts';

// Every scrypt check is published on core's diagnostics channel: watched to prove every answer paid for one.
const verified: PasswordCheck[] = [];
const watch = (message: unknown) => verified.push(message as PasswordCheck);
beforeAll(() => passwordCheckChannel.subscribe(watch));
afterAll(() => passwordCheckChannel.unsubscribe(watch));

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
  username = `abuse${++n}`;
  await createAccount(t.deps.db, { tenantId, username, grants: [{ role: 'county_staff', nodeId: countyId }] });
  verified.length = 0;
});

const attempt = (app: TestApp['app'], name: string, password: string, url = '/api/v1/auth/login', ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url, payload: { username: name, password }, remoteAddress: ip, headers: { 'accept-language': 'zh-CN' } });

describe('login answers tell nothing about the account', () => {
  it('answers an unknown user, a wrong password and a locked account with byte-identical 401s', async () => {
    const unknown = await attempt(t.app, 'nobody-here', 'Wrong@2026x');
    const wrong = await attempt(t.app, username, 'Wrong@2026x');
    for (let i = 0; i < 4; i++) await attempt(t.app, username, 'Wrong@2026x');
    const locked = await attempt(t.app, username, 'Wrong@2026x');
    const lockedRight = await attempt(t.app, username, TEST_PASSWORD);
    for (const res of [unknown, wrong, locked, lockedRight]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toBe(unknown.body);
      expect(res.headers['retry-after']).toBeUndefined();
    }
    expect(unknown.json().error).toMatchObject({ code: 'unauthenticated', message: '用户名或密码错误，或账号已被暂时锁定' });
    // Lockout still holds: the right password does not get in while the account is locked.
    expect(lockedRight.cookies.find((c) => c.name === 'linli_session')).toBeUndefined();
    await t.deps.db.execute(sql`UPDATE account SET locked_until = now() - interval '1 second' WHERE username = ${username}`);
    expect((await attempt(t.app, username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('checks an unknown user name against a hash of the same scrypt parameters, and a locked account’s password too', async () => {
    await attempt(t.app, 'nobody-at-all', 'Wrong@2026x');
    const real = passwordHashParameters(await hashPassword('x'));
    const dummy = passwordHashParameters(UNUSABLE_PASSWORD_HASH);
    expect(real).toBeDefined();
    expect(dummy).toEqual(real);
    expect(verified).toEqual([{ unusable: true, N: real!.N, r: real!.r, p: real!.p }]);

    for (let i = 0; i < 5; i++) await attempt(t.app, username, 'Wrong@2026x');
    verified.length = 0;
    await attempt(t.app, username, TEST_PASSWORD);
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatchObject({ unusable: false, N: real!.N });
  });
});

describe('login rate limits', () => {
  it('limits logins through an encoded path like the plain one, per address', async () => {
    const limited = await createTestApp({
      database: t.database,
      config: { rateLimit: { apiPerMinute: 100_000, loginPerMinute: 3, loginPerUserPerMinute: 100_000 } },
    });
    try {
      const statuses: number[] = [];
      for (const url of ['/%61pi/v1/auth/login', '/%61pi/v1/auth/login', '/api/v1/auth/%6Cogin', '/%61pi/v1/auth/login']) {
        statuses.push((await attempt(limited.app, username, 'Wrong@2026x', url, '10.0.0.2')).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // The right password through the encoded path gets no session once the address is limited.
      const right = await attempt(limited.app, username, TEST_PASSWORD, '/%61pi/v1/auth/login', '10.0.0.2');
      expect(right.statusCode).toBe(429);
      expect(right.json().error.code).toBe('rate_limited');
      // Another address is not affected.
      expect((await attempt(limited.app, 'nobody', 'x', '/%61pi/v1/auth/login', '10.0.0.3')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });

  it('limits logins per user name across addresses, known and unknown names alike, and not other names', async () => {
    const limited = await createTestApp({
      database: t.database,
      config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000, loginPerUserPerMinute: 2 } },
    });
    try {
      for (const name of [username, 'no-such-user']) {
        const statuses: number[] = [];
        for (const ip of ['10.1.0.1', '10.1.0.2', '10.1.0.3'])
          statuses.push((await attempt(limited.app, name, 'Wrong@2026x', undefined, ip)).statusCode);
        expect(statuses).toEqual([401, 401, 429]);
      }
      // Same body for both names once limited; another name from the same addresses still reaches the check.
      const known = await attempt(limited.app, username, 'Wrong@2026x', undefined, '10.1.0.9');
      const unknown = await attempt(limited.app, 'no-such-user', 'Wrong@2026x', undefined, '10.1.0.9');
      expect(known.statusCode).toBe(429);
      expect(known.json().error.code).toBe(unknown.json().error.code);
      expect((await attempt(limited.app, `${username}x`, 'Wrong@2026x', undefined, '10.1.0.1')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});
