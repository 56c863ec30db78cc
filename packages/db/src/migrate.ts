import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, Database } from './database.ts';

/** The platform baseline: 0001 foundation and every migration that spans modules. */
export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
  /** Absolute path of the file (its folder tells the owning module). */
  file: string;
}

/**
 * The migrations folders of the workspace, without importing any module (db sits below them): the
 * folder `migrations/` of every workspace package named by the root package.json `workspaces`
 * (packages/db/migrations, modules/<m>/migrations, …). The server passes the folders of its
 * manifests instead (apps/server/src/modules.ts); a server test checks that both lists agree, so
 * tools, benches and test set-ups that call `migrate(database)` build the same schema.
 */
export function workspaceMigrationFolders(root = repoRoot): string[] {
  return workspacePackageDirs(root)
    .map((dir) => path.join(dir, 'migrations'))
    .filter((dir) => fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

/** The folders of the workspace packages the root package.json names (`packages/*`, `modules/*`, `apps/*`), sorted. */
export function workspacePackageDirs(root = repoRoot): string[] {
  const { workspaces = [] } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const packages = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    if (!fs.existsSync(parent)) return [];
    return fs
      .readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(parent, d.name));
  });
  return packages.filter((dir) => fs.existsSync(path.join(dir, 'package.json'))).sort();
}

/**
 * Files are named NNNN_description.sql; numbers are used once across all folders and never
 * reordered. The set of every folder is applied in one order: by number, then by name. A number
 * used twice (in one folder or in two) stops start-up: `schema_migration` records one per number.
 * A migration's name and checksum do not depend on its folder, so moving a file into its module
 * keeps already-applied databases valid.
 */
export function loadMigrations(dirs: string | readonly string[] = workspaceMigrationFolders()): Migration[] {
  const folders = typeof dirs === 'string' ? [dirs] : dirs;
  const found = [...new Set(folders.map((d) => path.resolve(d)))].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => {
        const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(f);
        if (!match) throw new Error(`migration file name ${path.join(dir, f)} does not match NNNN_name.sql`);
        return { version: Number(match[1]), name: match[2] as string, file: path.join(dir, f) };
      }),
  );
  found.sort((a, b) => a.version - b.version || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const seen = new Map<number, string>();
  return found.map(({ version, name, file }) => {
    const other = seen.get(version);
    if (other)
      throw new Error(`migration number ${version} is used twice (${path.relative(repoRoot, other)}, ${path.relative(repoRoot, file)})`);
    seen.set(version, file);
    const sql = fs.readFileSync(file, 'utf8');
    return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex'), file };
  });
}

export interface MigrateOptions {
  /** Migrations folders; default: those of the workspace (`workspaceMigrationFolders`). */
  folders?: readonly string[];
  onApplied?: (m: Migration) => void;
}

const LOCK_KEY = 748_120_001; // advisory lock: one migrator at a time across server processes

/**
 * Applies pending migrations, each in its own transaction, forward only. A changed checksum of an
 * applied migration stops start-up: migrations are history and are never edited.
 */
export async function migrate(database: Database, options: MigrateOptions | ((m: Migration) => void) = {}): Promise<Migration[]> {
  const { folders, onApplied } = typeof options === 'function' ? { folders: undefined, onApplied: options } : options;
  const migrations = loadMigrations(folders);
  return database.withConnection((conn) => migrateOn(conn, migrations, onApplied));
}

async function migrateOn(database: Connection, migrations: Migration[], onApplied?: (m: Migration) => void): Promise<Migration[]> {
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
export async function pendingMigrations(database: Database, folders?: readonly string[]): Promise<number> {
  const migrations = loadMigrations(folders);
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
export async function migrationStatus(database: Database, dirs?: string | readonly string[]): Promise<MigrationStatus> {
  const migrations = loadMigrations(dirs);
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
