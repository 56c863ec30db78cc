import { loadConfig, type ModuleDeps } from '@linli/core';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCipher } from '../test/helpers.ts';
import { buildApp, type LinliApp } from './app.ts';
import { maskUrl } from './request-log.ts';

// The server's own log lines, captured through a pino destination stream.
const lines: string[] = [];
let app: LinliApp;
let close: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase();
  const deps: ModuleDeps = { database, db: database.db, cipher: testCipher, config: loadConfig({}) };
  app = await buildApp({ deps, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } });
  await app.ready();
  close = async () => {
    await app.close();
    await database.close();
  };
});
afterAll(async () => {
  await close?.();
});

const logOf = (reqId: string) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.reqId === reqId);

describe('request logs', () => {
  it('carry no ID number, phone, search text or cookie of the request', async () => {
    const res = await app.inject({
      url: '/api/v1/people/residents?q=370785199001011234&phone=13912340004&note=%E7%94%B5%E8%AF%9D13912340004&limit=5',
      headers: { cookie: 'linli_session=secret-session-token', 'x-csrf-token': 'secret-csrf', 'x-request-id': 'trace-pii-1' },
    });
    expect(res.statusCode).toBe(401);
    const logged = logOf('trace-pii-1');
    expect(logged.length).toBeGreaterThanOrEqual(2); // incoming request, request completed
    // The logger's own numbers (clock, process id, response time in ms such as 44.466187999991234)
    // are not request data and may contain any digits: every other field is searched.
    const text = JSON.stringify(logged.map(({ time: _t, pid: _p, responseTime: _r, ...fields }) => fields));
    for (const secret of ['370785199001011234', '13912340004', '1234', 'secret-session-token', 'secret-csrf']) {
      expect(text).not.toContain(secret);
    }
    const urls = logged.map((l) => (l.req as { url?: string } | undefined)?.url).filter(Boolean);
    expect(urls[0]).toBe('/api/v1/people/residents?q=***&phone=***&note=%E7%94%B5%E8%AF%9D139********&limit=5');
  });

  it('honour a plain X-Request-Id and answer with it; replace an unsafe or long one', async () => {
    const kept = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'gateway-01:abc.DEF_9' } });
    expect(kept.headers['x-request-id']).toBe('gateway-01:abc.DEF_9');
    expect(logOf('gateway-01:abc.DEF_9').length).toBeGreaterThan(0);

    for (const unsafe of ['a'.repeat(65), 'evil id"} {"level":60', 'x\u00e9']) {
      const res = await app.inject({ url: '/healthz', headers: { 'x-request-id': unsafe } });
      const id = String(res.headers['x-request-id']);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(logOf(id).length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(unsafe);
    }
    const none = await app.inject({ url: '/healthz' });
    expect(String(none.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
    // Error answers carry it too.
    const missing = await app.inject({ url: '/api/v1/nothing-here', headers: { 'x-request-id': 'trace-404' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('trace-404');
  });
});

describe('maskUrl', () => {
  it('masks phone and ID numbers in paths and query values, keeps UUIDs whole', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    expect(maskUrl(`/api/v1/people/residents/${id}?nodeId=${id}`)).toBe(`/api/v1/people/residents/${id}?nodeId=${id}`);
    expect(maskUrl('/open311/v2/requests.json?search=37078519900101123X&x=0536-2212345&y=139 1234 0004')).toBe(
      '/open311/v2/requests.json?search=370***************&x=053*-*******&y=139%20****%20****',
    );
    expect(maskUrl('/api/v1/x/13912340004')).toBe('/api/v1/x/139********');
    expect(maskUrl('/api/v1/accounts?Q=%E5%BC%A0%E4%B8%89&name=x')).toBe('/api/v1/accounts?Q=***&name=***');
  });
});
