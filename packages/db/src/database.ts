import fs from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

/**
 * The database handle — or an open transaction, which is one too. Reads take a `Db` and run on
 * either; so does a repository method that writes with ONE statement (atomic by itself). Nothing
 * that writes more than one statement takes a `Db`: it takes a {@link Tx}.
 */
// biome-ignore lint/suspicious/noExplicitAny: both drivers' HKTs must fit one type
export type Db = PgDatabase<PgQueryResultHKT, any>;

/**
 * An open transaction: what a command that writes takes, so that its statements (the change, the
 * audit record, the event) commit together or not at all. A `Db` is not a `Tx` — handing a command
 * the database handle does not compile. Opened by {@link transaction} (routes open it through the
 * write helper of @linli/core, `runWrite`).
 */
// biome-ignore lint/suspicious/noExplicitAny: both drivers' HKTs must fit one type
export type Tx = PgTransaction<PgQueryResultHKT, any, any>;

/** Whether `db` is an open transaction. */
export function isTransaction(db: Db): db is Tx {
  return 'rollback' in db && typeof (db as { rollback?: unknown }).rollback === 'function';
}

/**
 * Runs `fn` in a transaction: a new one on the database handle, or — given an open transaction —
 * that same transaction (no savepoint: an error still rolls back everything). A savepoint, where a
 * failure must be survived, is `tx.transaction(…)`.
 */
export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) return fn(db);
  return db.transaction((tx) => fn(tx));
}

export type Driver = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly driver: Driver;
  /** Runs a multi-statement SQL script (migrations, fixtures); no parameters. */
  exec(script: string): Promise<void>;
  /** Plain parameterised query returning rows, for tools that sit below Drizzle. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn on one dedicated connection (session-level locks, migrations). */
  withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The PGlite instance in embedded mode (tests dump and load it), undefined on PostgreSQL. */
  readonly pglite?: PGlite;
}

export interface Connection {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseOptions {
  /** postgres://… — when set, node-postgres is used. */
  url?: string;
  /** Embedded mode: directory of the PGlite data ('memory://' for a throwaway database). */
  dataDir?: string;
  /** Embedded mode: start from a dumped data directory (test template). */
  loadDataDir?: Blob;
  /** node-postgres pool size. */
  poolSize?: number;
  /** Embedded mode: PostgreSQL settings for this session of the data directory (`-c name=value`), e.g. bulkLoadSettings. */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Settings for a process that only fills an empty embedded database (the demo load at first start):
 * WAL as small as a crash-safe load needs (no full-page images, minimal level: index builds are not
 * WAL-logged), more memory for the index builds, no checkpoint in the middle. The server opens the
 * directory afterwards with the defaults.
 */
export const bulkLoadSettings: Readonly<Record<string, string>> = {
  wal_level: 'minimal',
  max_wal_senders: '0',
  full_page_writes: 'off',
  maintenance_work_mem: '256MB',
  checkpoint_timeout: '1h',
  max_wal_size: '4GB',
};

// One parsing rule for both drivers: counts (int8) and numeric arrive as JS numbers, so a KPI
// computed on PGlite and on PostgreSQL compares equal. int8 values beyond 2^53 do not occur in our
// schema (sequences per tenant, counts), and the parser refuses them instead of rounding silently.
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint ${value} exceeds the safe integer range`);
  return n;
}
const parseNumeric = (value: string): number => Number(value);

pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, parseNumeric);

export const pgliteExtensions = { ltree, pg_trgm };

export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return createPostgres(options.url, options.poolSize ?? 10);
  return createPglite(options);
}

async function createPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle pooled connection can be closed by the server (restart, failover, a dropped test
  // database); without a listener node-postgres raises that as an uncaught error and the process
  // dies. The pool discards the client and opens a new one on the next query.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') console.warn(`PostgreSQL closed an idle connection: ${err.message}`);
  });
  // Fail fast with a readable message rather than on the first request.
  const client = await pool.connect().catch((err: Error) => {
    throw new Error(`cannot connect to PostgreSQL at ${redactUrl(url)}: ${err.message}`);
  });
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    async exec(script) {
      await pool.query(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async withConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn({
          async exec(script) {
            await conn.query(script);
          },
          async query<T>(text: string, params: unknown[] = []) {
            return (await conn.query(text, params)).rows as T[];
          },
        });
      } finally {
        conn.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

async function createPglite(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: dataDir.startsWith('memory://') ? undefined : path.join(dataDir, 'pgdata'),
      loadDataDir: options.loadDataDir,
      extensions: pgliteExtensions,
      parsers: { [pgliteTypes.INT8]: parseInt8, [pgliteTypes.NUMERIC]: parseNumeric },
      ...(options.settings ? { startParams: [...PGlite.defaultStartParams, ...startSettings(options.settings)] } : {}),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client) as unknown as Db;
  const conn: Connection = {
    async exec(script) {
      await client.exec(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
  };
  return {
    db,
    driver: 'pglite',
    pglite: client,
    ...conn,
    withConnection: (fn) => fn(conn),
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

function startSettings(settings: Readonly<Record<string, string>>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => {
    if (!/^[a-z_]+$/.test(name)) throw new Error(`invalid PostgreSQL setting name ${name}`);
    return ['-c', `${name}=${value}`];
  });
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@');
}
