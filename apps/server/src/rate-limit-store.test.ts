import { loadConfig } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/helpers.ts';
import { databaseRateLimitStore, RATE_LIMIT_CLEANUP_MS } from './rate-limit-store.ts';

type Counted = { current: number; ttl: number };
type Store = {
  incr(key: string, cb: (err: Error | null, res?: Counted) => void, timeWindow: number, max: number): void;
  read(key: string, cb: (err: Error | null, res?: Counted) => void, timeWindow: number, max: number): void;
  child(options: object): Store;
};

const warnings: unknown[] = [];
const log = { warn: (...args: unknown[]) => warnings.push(args), debug: () => undefined } as unknown as FastifyBaseLogger;

const count = (store: Store, key: string, timeWindow = 60_000) =>
  new Promise<Counted>((resolve, reject) => store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), timeWindow, 10));
const read = (store: Store, key: string) =>
  new Promise<Counted>((resolve, reject) => store.read(key, (err, res) => (err ? reject(err) : resolve(res!)), 60_000, 10));

// The table and the statement run on both drivers; the server uses the store on PostgreSQL only.
describe('rate limit windows in the database', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const newStore = (now?: () => number) => {
    const Ctor = databaseRateLimitStore(database, log, now);
    return new Ctor({} as never) as unknown as Store;
  };

  it('counts in one window shared by every store on the database, and starts a new window when it ends', async () => {
    const a = newStore();
    const b = newStore(); // another server process
    expect((await count(a, '203.0.113.7')).current).toBe(1);
    expect((await count(b, '203.0.113.7')).current).toBe(2);
    const third = await count(a, '203.0.113.7');
    expect(third.current).toBe(3);
    expect(third.ttl).toBeGreaterThan(55_000);
    expect(third.ttl).toBeLessThanOrEqual(60_000);
    expect(await read(b, '203.0.113.7')).toEqual({ current: 3, ttl: expect.any(Number) });
    expect((await count(a, '198.51.100.1')).current).toBe(1);

    expect((await count(a, 'short', 50)).current).toBe(1);
    expect((await count(b, 'short', 50)).current).toBe(2);
    await new Promise((r) => setTimeout(r, 80));
    expect((await count(b, 'short', 50)).current).toBe(1);
  });

  it('keeps a route with its own limit and a limiter made with createRateLimit apart from the global count', async () => {
    const root = newStore();
    const login = root.child({ routeInfo: { method: 'POST', url: '/api/v1/auth/login' } });
    const perName = root.child({ routeInfo: {} });
    const open311 = root.child({ routeInfo: {} });
    await count(root, '192.0.2.5');
    expect((await count(login, '192.0.2.5')).current).toBe(1);
    expect((await count(login, '192.0.2.5')).current).toBe(2);
    expect((await count(root, '192.0.2.5')).current).toBe(2);
    expect((await count(open311, '192.0.2.5')).current).toBe(1);
    expect((await count(perName, 'login-name:alice')).current).toBe(1);
    const keys = await database.query<{ key: string }>("SELECT key FROM rate_limit_window WHERE key LIKE '%192.0.2.5'");
    expect(keys.map((k) => k.key).sort()).toEqual(['192.0.2.5', 'POST/api/v1/auth/login-192.0.2.5', 'limiter2-192.0.2.5']);
    // Another process creates its limiters in the same order and counts under the same keys.
    const other = newStore();
    other.child({ routeInfo: { method: 'POST', url: '/api/v1/auth/login' } });
    expect((await count(other.child({ routeInfo: {} }), 'login-name:alice')).current).toBe(2);
  });

  it('concurrent requests each get their own count (the upsert is atomic)', async () => {
    const stores = [newStore(), newStore()];
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => count(stores[i % 2]!, 'burst')));
    expect(counts.map((c) => c.current).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('removes expired windows at most once a minute per process', async () => {
    let clock = Date.now();
    const store = newStore(() => clock);
    await count(store, 'gone-soon', 1);
    await new Promise((r) => setTimeout(r, 20));
    await count(store, 'another', 60_000);
    expect((await database.query("SELECT 1 FROM rate_limit_window WHERE key = 'gone-soon'")).length).toBe(1);
    clock += RATE_LIMIT_CLEANUP_MS;
    await count(store, 'another', 60_000);
    // The DELETE runs beside the request; give it a moment (bounded).
    for (let i = 0; i < 50; i++) {
      if ((await database.query("SELECT 1 FROM rate_limit_window WHERE key = 'gone-soon'")).length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await database.query("SELECT 1 FROM rate_limit_window WHERE key = 'gone-soon'")).length).toBe(0);
    expect((await database.query("SELECT 1 FROM rate_limit_window WHERE key = 'another'")).length).toBe(1);
  });

  it('a database error does not fail the request: it is counted in memory and a warning is logged once', async () => {
    const broken = { query: () => Promise.reject(new Error('connection terminated')) };
    const Ctor = databaseRateLimitStore(broken, log);
    const store = new Ctor({} as never) as unknown as Store;
    warnings.length = 0;
    expect((await count(store, '203.0.113.9')).current).toBe(1);
    expect((await count(store, '203.0.113.9')).current).toBe(2);
    expect((await read(store, '203.0.113.9')).current).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain('limits count in this process');
  });

  it('a database that does not answer holds no request: after the timeout the count is taken in memory', async () => {
    const hung = { query: () => new Promise<never>(() => undefined) };
    const Ctor = databaseRateLimitStore(hung, log, Date.now, 50);
    const store = new Ctor({} as never) as unknown as Store;
    const started = performance.now();
    expect((await count(store, '203.0.113.10')).current).toBe(1);
    expect((await count(store, '203.0.113.10')).current).toBe(2);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('which store the server counts in', () => {
  const rows = async (database: Database) =>
    (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limit_window'))[0]!.n;

  it('the database on PostgreSQL unless RATE_LIMIT_STORE=memory; memory on embedded PGlite', async () => {
    for (const store of [undefined, 'memory'] as const) {
      const t = await createTestApp({ config: { rateLimit: { apiPerMinute: 100, loginPerMinute: 100, store } } });
      try {
        await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
        const shared = t.database.driver === 'postgres' && store === undefined;
        expect(await rows(t.database), `${t.database.driver}, store ${store ?? 'default'}`).toBe(shared ? 1 : 0);
      } finally {
        await t.close();
      }
    }
  });

  it('RATE_LIMIT_STORE takes database or memory and refuses anything else', () => {
    expect(loadConfig({ RATE_LIMIT_STORE: 'memory' }).rateLimit.store).toBe('memory');
    expect(loadConfig({ RATE_LIMIT_STORE: 'database' }).rateLimit.store).toBe('database');
    expect(loadConfig({}).rateLimit.store).toBeUndefined();
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(/RATE_LIMIT_STORE must be database or memory/);
  });
});

describe('the API limit with a failing store', () => {
  it('answers 200 and still limits, in memory, when the database does not take the count', async () => {
    const t = await createTestApp({ config: { rateLimit: { apiPerMinute: 3, loginPerMinute: 3, store: 'database' } } });
    try {
      const statuses: number[] = [];
      // The table is gone (as if the database refused it): requests are still answered and limited.
      await t.database.exec('DROP TABLE rate_limit_window');
      for (let i = 0; i < 5; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode);
      // On PostgreSQL the store falls back to memory; embedded PGlite counts in memory anyway.
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
