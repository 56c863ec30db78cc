import { createAccount } from '@linli/accounts/testing';
import { encodeCursor } from '@linli/core';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from '../test/helpers.ts';

// Every route of the OpenAPI document, called with malformed ids, bodies and query strings by a
// signed-in county admin: each must answer a 4xx in the error shape — never a 500.
let t: TestApp;
let admin: Session;
let operations: { method: string; path: string }[];
let auditor: Session;

beforeAll(async () => {
  t = await createTestApp();
  await createTenant(t.deps.db, { tenantId: '370785', name: '高密市' });
  const tree = await buildSmallTree(t.deps.db, '370785', '高密市');
  await createAccount(t.deps.db, { tenantId: '370785', username: 'fuzzadmin', grants: [{ role: 'system_admin', nodeId: tree.county.id }] });
  await createAccount(t.deps.db, { tenantId: '370785', username: 'fuzzsec', grants: [{ role: 'security_admin', nodeId: tree.county.id }] });
  await createAccount(t.deps.db, { tenantId: '370785', username: 'fuzzaudit', grants: [{ role: 'audit_admin', nodeId: tree.county.id }] });
  admin = await login(t.app, 'fuzzadmin', 'Test@2026pass');
  auditor = await login(t.app, 'fuzzaudit', 'Test@2026pass');
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
  }, 900_000); // thousands of requests (some 200 routes): the one exhaustive sweep of the suite

  // NUL characters in query strings and bodies, crafted pagination cursors and malformed multipart
  // bodies: each route gets every kind its method takes, with an id that parses.
  it('answers NUL characters, crafted cursors and malformed multipart with a 4xx error body', async () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64url');
    const cursors = [b64('{"a":1}'), b64('12'), b64('[["x"]]'), b64('["x","y"]'), b64('[null,"x"]'), b64('"\u0000"'), 'garbage!!'];
    const queries = [
      '?q=a%00b&name=%00&search=x%00',
      '?status=%00&category=%00&from=%00&nodeId=%00',
      ...cursors.map((c) => `?cursor=${encodeURIComponent(c)}`),
      ...cursors.map((c) => `?cursor=${encodeURIComponent(c)}&sort=-submittedAt`),
    ];
    const nul = 'a\u0000b';
    const json = JSON.stringify({ name: nul, title: nul, description: nul, content: nul, username: nul, q: nul, reason: nul, note: nul });
    const boundary = '----linli';
    const multipartBodies: { contentType: string; body: string }[] = [
      {
        contentType: 'multipart/form-data',
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nx`,
      },
      {
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nname,phone\r\n张三,139`,
      },
      { contentType: `multipart/form-data; boundary=${boundary}`, body: `--${boundary}\r\nContent-Disposition: form-da` },
      { contentType: `multipart/form-data; boundary=${boundary}`, body: 'not multipart at all' },
      {
        contentType: `multipart/form-data; boundary=${boundary}`,
        body: `--${boundary}\r\nContent-Disposition: form-data; name="a\u0000"\r\n\r\nx\u0000y\r\n--${boundary}--\r\n`,
      },
      { contentType: 'text/plain', body: 'name,phone\n张三,13900000000' },
      { contentType: 'application/octet-stream', body: 'PK\u0003\u0004garbage' },
    ];
    const failures: string[] = [];
    for (const op of operations) {
      const url = fill(op.path, '01900000-0000-7000-8000-00000000dead');
      const calls: { url: string; contentType?: string; body?: string }[] = [];
      if (op.method === 'GET' || op.method === 'DELETE') for (const q of queries) calls.push({ url: `${url}${q}` });
      else {
        calls.push({ url: `${url}?q=%00`, contentType: 'application/json', body: json });
        for (const m of multipartBodies) calls.push({ url, ...m });
      }
      await Promise.all(
        calls.map(async ({ url, contentType, body }) => {
          const res = await t.app.inject({
            method: op.method as 'GET',
            url,
            headers: { ...admin.headers, ...(contentType ? { 'content-type': contentType } : {}) },
            payload: body,
          });
          if (res.statusCode >= 500 || (res.statusCode >= 400 && !res.json().error?.code)) {
            failures.push(
              `${op.method} ${url} ${contentType ?? ''} body=${body?.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
            );
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: admin.headers })).statusCode).toBe(200);
  }, 300_000);
});

describe('the three kinds of bad input, answered with a 400 that names the field', () => {
  const b64 = (text: string) => Buffer.from(text).toString('base64url');
  const get = (url: string, session = admin) => t.app.inject({ url, headers: session.headers });
  const fieldsOf = (res: { json(): unknown }) =>
    ((res.json() as { error: { details?: { field: string }[] } }).error.details ?? []).map((d) => d.field);

  it('refuses a NUL character in a query, a path or a nested body field, once for every route', async () => {
    const search = await get('/api/v1/people/residents?q=%E5%BC%A0%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error).toMatchObject({ code: 'invalid_input', details: [{ field: 'q', reason: 'contains a NUL character' }] });
    const filter = await get('/api/v1/territory/nodes?q=x%00y');
    expect(fieldsOf(filter)).toEqual(['q']);
    const body = await t.app.inject({
      method: 'POST',
      url: '/api/v1/demands',
      headers: admin.headers,
      payload: { title: '路灯不亮', description: 'ok', caller: { name: '张\u0000三' } },
    });
    expect(body.statusCode).toBe(400);
    expect(fieldsOf(body)).toEqual(['caller.name']);
    const path = await get('/api/v1/territory/nodes/%00');
    expect(path.statusCode).toBe(400);
    expect(fieldsOf(path)).toEqual(['id']);
    // In Chinese too.
    const zh = await t.app.inject({ url: '/api/v1/grids?q=%00', headers: { ...admin.headers, 'accept-language': 'zh-CN' } });
    expect(zh.json().error.details[0]).toMatchObject({ field: 'q', reason: '含有空字符（NUL）' });
  });

  it('refuses crafted cursors on demands, residents, audit events and every other paged list', async () => {
    const crafted = [b64('{"a":1}'), b64('12'), b64('[["x"]]'), b64(JSON.stringify(['2026-01-01T00:00:00Z', 'x'])), 'garbage!!'];
    const lists: [string, Session][] = [
      ['/api/v1/demands', admin],
      ['/api/v1/me/demands', admin],
      ['/api/v1/people/residents', admin],
      ['/api/v1/audit/events', auditor],
      ['/api/v1/territory/nodes', admin],
      ['/api/v1/grids', admin],
      ['/api/v1/organisations', admin],
      ['/api/v1/dual-registrations', admin],
      ['/api/v1/party/members', admin],
      ['/api/v1/notifications', admin],
    ];
    for (const [list, session] of lists) {
      for (const cursor of crafted) {
        const res = await get(`${list}?cursor=${encodeURIComponent(cursor)}`, session);
        expect(res.statusCode, `${list} ${cursor}`).toBe(400);
        expect(fieldsOf(res), `${list} ${cursor}`).toEqual(['cursor']);
      }
    }
  });

  it('binds a cursor to its sort: reused with another sort it is refused, with its own it pages on', async () => {
    const first = await get('/api/v1/territory/nodes?sort=name&limit=1');
    expect(first.statusCode).toBe(200);
    const cursor = first.json().nextCursor as string;
    expect(cursor).toBeTruthy();
    const same = await get(`/api/v1/territory/nodes?sort=name&limit=1&cursor=${cursor}`);
    expect(same.statusCode).toBe(200);
    expect(same.json().items[0].name >= first.json().items[0].name).toBe(true);
    for (const other of ['-name', 'createdAt', 'sortOrder']) {
      const res = await get(`/api/v1/territory/nodes?sort=${other}&limit=1&cursor=${cursor}`);
      expect(res.statusCode, other).toBe(400);
      expect(res.json().error.details).toEqual([
        { field: 'cursor', reason: 'belongs to another sort order; start again from the first page' },
      ]);
    }
    const id = '01900000-0000-7000-8000-000000000001';
    const demandCursor = encodeCursor(['2026-01-01T00:00:00.000Z', id], 'resolveDueAt');
    expect((await get(`/api/v1/demands?sort=resolveDueAt&cursor=${demandCursor}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/demands?sort=-submittedAt&cursor=${demandCursor}`)).statusCode).toBe(400);
    expect((await get(`/api/v1/demands?cursor=${demandCursor}`)).statusCode).toBe(400);
    const residentCursor = encodeCursor(['王', id], '-name');
    expect((await get(`/api/v1/people/residents?sort=-name&cursor=${residentCursor}`)).statusCode).toBe(200);
    expect((await get(`/api/v1/people/residents?sort=name&cursor=${residentCursor}`)).statusCode).toBe(400);
    // The audit trail pages by its sequence only: its own cursor goes on.
    const audit = await get('/api/v1/audit/events?limit=1', auditor);
    expect((await get(`/api/v1/audit/events?limit=1&cursor=${audit.json().nextCursor}`, auditor)).statusCode).toBe(200);
  });

  it('refuses malformed multipart bodies on the upload routes with a 400, not a 500', async () => {
    const boundary = '----linli';
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nname\r\n张三`;
    const bodies = [
      { 'content-type': 'multipart/form-data', payload: part },
      { 'content-type': `multipart/form-data; boundary=${boundary}`, payload: part },
      { 'content-type': `multipart/form-data; boundary=${boundary}`, payload: `--${boundary}\r\nContent-Disposition: form-da` },
    ];
    for (const url of ['/api/v1/demand-attachments', '/api/v1/territory/imports/households', '/api/v1/territory/imports/divisions']) {
      for (const { payload, ...type } of bodies) {
        const res = await t.app.inject({ method: 'POST', url, headers: { ...admin.headers, ...type }, payload });
        expect(res.statusCode, `${url} ${type['content-type']}`).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
      }
      const text = await t.app.inject({ method: 'POST', url, headers: { ...admin.headers, 'content-type': 'text/plain' }, payload: 'x' });
      expect(text.statusCode, `${url} text/plain`).toBeGreaterThanOrEqual(400);
      expect(text.statusCode, `${url} text/plain`).toBeLessThan(500);
    }
  });
});
