import { createAccount } from '@linli/accounts/testing';
import { buildSmallTree, createTenant } from '@linli/territory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test/helpers.ts';

// Every route of the OpenAPI document, called with malformed ids, bodies and query strings by a
// signed-in county admin: each must answer a 4xx in the error shape — never a 500.
let t: TestApp;
let admin: Session;
let operations: { method: string; path: string }[];

beforeAll(async () => {
  t = await createTestApp();
  await createTenant(t.deps.db, { tenantId: '370785', name: '高密市' });
  const tree = await buildSmallTree(t.deps.db, '370785', '高密市');
  await createAccount(t.deps.db, { tenantId: '370785', username: 'fuzzadmin', grants: [{ role: 'system_admin', nodeId: tree.county.id }] });
  await createAccount(t.deps.db, { tenantId: '370785', username: 'fuzzsec', grants: [{ role: 'security_admin', nodeId: tree.county.id }] });
  admin = await login(t.app, 'fuzzadmin', 'Test@2026pass');
  const doc = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => ['get', 'post', 'patch', 'put', 'delete'].includes(m))
      // Signing out would end the session the rest of the calls need.
      .filter(() => path !== '/api/v1/auth/logout')
      .map((method) => ({ method: method.toUpperCase(), path })),
  );
});
afterAll(async () => {
  await t?.close();
});

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const bodies: (string | undefined)[] = [undefined, '{}', '{"name": [1, 2], "parentId": 42, "kind": {}}', '{oops', '[]', '"text"'];

describe('bad input never produces a 500', () => {
  it('covers the API routes', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it('answers malformed ids, bodies and query strings with a 4xx error body', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const calls: { url: string; body: string | undefined }[] = [];
      for (const id of ['not-a-uuid', '01900000-0000-7000-8000-00000000dead', "1' OR '1'='1"]) {
        for (const query of ['', '?limit=abc&cursor=%%%&sort=--x&from=yesterday&nodeId=zzz', '?cursor=bm90LWpzb24&q=%27%3B--']) {
          const url = `${fill(op.path, encodeURIComponent(id))}${query}`;
          for (const body of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : bodies) calls.push({ url, body });
        }
      }
      // The variants of one route run side by side (they also meet each other's writes, if any got through).
      await Promise.all(
        calls.map(async ({ url, body }) => {
          const res = await t.app.inject({
            method: op.method as 'GET',
            url,
            headers: { ...admin.headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
            payload: body,
          });
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.code)) {
            failures.push(`${op.method} ${url} body=${body} → ${res.statusCode} ${res.body.slice(0, 200)}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    // The session survived: the calls above reached the handlers as a signed-in admin.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: admin.headers })).statusCode).toBe(200);
  }, 300_000); // thousands of requests: the one exhaustive sweep of the suite
});
