import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Database } from './database.ts';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** Files are named NNNN_description.sql; numbers are used once and never reordered. */
export function loadMigrations(dir = migrationsDir): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const seen = new Set<number>();
  return files.map((file) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file name ${file} does not match NNNN_name.sql`);
    const version = Number(match[1]);
    if (seen.has(version)) throw new Error(`migration number ${version} is used twice`);
    seen.add(version);
    const sql = fs.readFileSync(path.join(dir, file), 'utf8');
    return { version, name: match[2] as string, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

const LOCK_KEY = 748_120_001; // advisory lock: one migrator at a time across server processes

/**
 * Applies pending migrations, each in its own transaction, forward only. A changed checksum of an
 * applied migration stops start-up: migrations are history and are never edited.
 */
export async function migrate(database: Database, onApplied?: (m: Migration) => void): Promise<Migration[]> {
  return database.withConnection((conn) => migrateOn(conn, onApplied));
}

async function migrateOn(database: Connection, onApplied?: (m: Migration) => void): Promise<Migration[]> {
  const migrations = loadMigrations();
  await database.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await database.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now());
      COMMENT ON TABLE schema_migration IS 'scope: global';`);
    const applied = new Map(
      (await database.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migration')).map((r) => [
        r.version,
        r.checksum,
      ]),
    );
    const done: Migration[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      const escapedName = m.name.replace(/'/g, "''");
      await database
        .exec(
          `BEGIN;\n${m.sql}\n;INSERT INTO schema_migration (version, name, checksum) VALUES (${m.version}, '${escapedName}', '${m.checksum}');\nCOMMIT;`,
        )
        .catch(async (err: Error) => {
          await database.exec('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${m.version}_${m.name} failed: ${err.message}`);
        });
      done.push(m);
      onApplied?.(m);
    }
    return done;
  } finally {
    await database.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}

/** For readiness checks: true when every migration file is applied. */
export async function pendingMigrations(database: Database): Promise<number> {
  const migrations = loadMigrations();
  const rows = await database.query<{ version: number }>('SELECT version FROM schema_migration').catch(() => [] as { version: number }[]);
  const applied = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !applied.has(m.version)).length;
}

export interface MigrationStatus {
  /** Applied migrations whose file is unchanged, in order. */
  applied: { version: number; name: string; appliedAt: Date }[];
  /** Files not yet applied, in the order `migrate` would apply them. */
  pending: Migration[];
  /** Applied migrations whose file was edited afterwards: start-up refuses these. */
  changed: { version: number; name: string }[];
  /** Versions recorded in the database with no file (a database newer than this release). */
  unknown: { version: number; name: string }[];
}

/**
 * What `migrate` would do, without doing it: applied, pending, edited and unknown migrations.
 * Reads `schema_migration` only; an empty database has every migration pending.
 */
export async function migrationStatus(database: Database, dir = migrationsDir): Promise<MigrationStatus> {
  const migrations = loadMigrations(dir);
  const exists = await database.query<{ t: string | null }>("SELECT to_regclass('schema_migration')::text AS t");
  const rows = exists[0]?.t
    ? await database.query<{ version: number; name: string; checksum: string; applied_at: Date }>(
        'SELECT version, name, checksum, applied_at FROM schema_migration ORDER BY version',
      )
    : [];
  const byVersion = new Map(rows.map((r) => [r.version, r]));
  const files = new Set(migrations.map((m) => m.version));
  const status: MigrationStatus = { applied: [], pending: [], changed: [], unknown: [] };
  for (const m of migrations) {
    const row = byVersion.get(m.version);
    if (!row) status.pending.push(m);
    else if (row.checksum !== m.checksum) status.changed.push({ version: m.version, name: m.name });
    else status.applied.push({ version: m.version, name: m.name, appliedAt: new Date(row.applied_at) });
  }
  for (const r of rows) if (!files.has(r.version)) status.unknown.push({ version: r.version, name: r.name });
  return status;
}
