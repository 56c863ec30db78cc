import { createHash } from 'node:crypto';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyBaseLogger } from 'fastify';

/** What the store needs of the database: one parameterised statement. */
export interface RateLimitDatabase {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/**
 * Counts one request of `key` in its fixed window and returns the count and the milliseconds left,
 * in one statement on the database's clock: a new key, or one whose window has ended, starts a
 * window of `timeWindow` ms at 1; otherwise the count goes up and the window stays. Atomic under
 * concurrent processes (the row is locked by the upsert).
 */
const COUNT = `
  INSERT INTO rate_limit_window AS w (key, hits, expires_at)
  VALUES ($1, 1, now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN w.expires_at <= now() THEN 1 ELSE w.hits + 1 END,
    expires_at = CASE WHEN w.expires_at <= now() THEN EXCLUDED.expires_at ELSE w.expires_at END
  RETURNING hits AS current,
    GREATEST(0, ceil(extract(epoch FROM w.expires_at - now()) * 1000))::int AS ttl`;

const READ = `
  SELECT hits AS current, GREATEST(0, ceil(extract(epoch FROM expires_at - now()) * 1000))::int AS ttl
  FROM rate_limit_window WHERE key = $1 AND expires_at > now()`;

const CLEANUP = 'DELETE FROM rate_limit_window WHERE expires_at <= now()';

/** Expired windows are removed at most this often per process (one DELETE, off the request's path). */
export const RATE_LIMIT_CLEANUP_MS = 60_000;
const WARN_EVERY_MS = 60_000;
/** A count the database has not answered within this long is taken in memory (a hung connection never holds a request). */
export const RATE_LIMIT_QUERY_TIMEOUT_MS = 2_000;
const MEMORY_KEYS = 10_000;

/** Long keys (user names as typed) are stored as their digest, so a row stays small. */
function storedKey(key: string): string {
  return key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`;
}

/**
 * The in-memory fixed window the store falls back to while the database does not answer: limits
 * then hold per process, as in embedded mode, instead of being dropped or failing the request.
 */
class MemoryWindows {
  private readonly windows = new Map<string, { hits: number; expiresAt: number }>();

  count(key: string, timeWindow: number): Counted {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.expiresAt <= now) {
      if (!w && this.windows.size >= MEMORY_KEYS) {
        for (const [k, v] of this.windows) if (v.expiresAt <= now) this.windows.delete(k);
        if (this.windows.size >= MEMORY_KEYS) this.windows.clear();
      }
      w = { hits: 0, expiresAt: now + timeWindow };
      this.windows.set(key, w);
    }
    w.hits += 1;
    return { current: w.hits, ttl: w.expiresAt - now };
  }

  read(key: string): Counted {
    const w = this.windows.get(key);
    const now = Date.now();
    return !w || w.expiresAt <= now ? { current: 0, ttl: 0 } : { current: w.hits, ttl: w.expiresAt - now };
  }
}

interface Shared {
  database: RateLimitDatabase;
  log: FastifyBaseLogger;
  memory: MemoryWindows;
  lastCleanup: number;
  lastWarning: number;
  limiters: number;
}

/**
 * A store for @fastify/rate-limit that keeps the windows in the database (table rate_limit_window),
 * so every server process on one PostgreSQL database counts against the same limits: the API limit
 * per client address, the login limit per address and the login limit per user name. One statement
 * per limited request. A database error (or no answer within 2 s) never fails the request: the
 * store logs a warning (at most one a minute) and counts that request in this process's memory.
 */
export function databaseRateLimitStore(
  database: RateLimitDatabase,
  log: FastifyBaseLogger,
  now: () => number = Date.now,
  timeoutMs = RATE_LIMIT_QUERY_TIMEOUT_MS,
): FastifyRateLimitStoreCtor {
  /** The count, or a rejection when the database errs or has not answered within timeoutMs. */
  const counted = (text: string, params: unknown[]) =>
    new Promise<Counted[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref?.();
      database.query<Counted>(text, params).then(
        (rows) => {
          clearTimeout(timer);
          resolve(rows);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  const shared: Shared = { database, log, memory: new MemoryWindows(), lastCleanup: now(), lastWarning: 0, limiters: 0 };

  class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      readonly prefix = '',
    ) {}

    private failed(err: unknown, key: string): void {
      if (now() - shared.lastWarning < WARN_EVERY_MS) return;
      shared.lastWarning = now();
      shared.log.warn(
        { err, key: key.startsWith('login-name:') ? 'login-name:***' : undefined },
        'rate limit store: the database did not answer; limits count in this process until it does',
      );
    }

    private cleanupNowAndThen(): void {
      if (now() - shared.lastCleanup < RATE_LIMIT_CLEANUP_MS) return;
      shared.lastCleanup = now();
      shared.database.query(CLEANUP).catch((err: unknown) => shared.log.debug({ err }, 'rate limit store: cleanup failed'));
    }

    incr(key: string, cb: Callback, timeWindow: number, _max?: number): void {
      const full = storedKey(this.prefix + key);
      counted(COUNT, [full, timeWindow]).then(
        ([row]) => {
          this.cleanupNowAndThen();
          cb(null, row ? { current: Number(row.current), ttl: Number(row.ttl) } : shared.memory.count(full, timeWindow));
        },
        (err: unknown) => {
          this.failed(err, key);
          cb(null, shared.memory.count(full, timeWindow));
        },
      );
    }

    read(key: string, cb: Callback, _timeWindow?: number, _max?: number): void {
      const full = storedKey(this.prefix + key);
      counted(READ, [full]).then(
        ([row]) => cb(null, row ? { current: Number(row.current), ttl: Number(row.ttl) } : { current: 0, ttl: 0 }),
        (err: unknown) => {
          this.failed(err, key);
          cb(null, shared.memory.read(full));
        },
      );
    }

    /**
     * Every limiter counts apart, as with the plugin's memory store: a route with its own limit under
     * its method and URL (like the Redis store); a limiter made with createRateLimit or rateLimit()
     * (no route: the login limit per user name, the Open311 limit) under its number in the order the
     * server creates them — the same in every process running the same release.
     */
    // The plugin passes the merged limit options, whose routeInfo is the route ({} without one).
    child(routeOptions: object): DatabaseRateLimitStore {
      const route = (routeOptions as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      const prefix = route?.method && route.url ? `${String(route.method)}${String(route.url)}-` : `limiter${++shared.limiters}-`;
      return new DatabaseRateLimitStore(undefined, this.prefix + prefix);
    }
  }
  return DatabaseRateLimitStore;
}
