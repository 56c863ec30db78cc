import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppConfig, AppError, filesDirOf } from '@linli/core';
import { createDatabase, type Database, loadMigrations } from '@linli/db';
import * as tar from 'tar';

/**
 * Backups of a whole installation: the database, the uploaded files, and a record of which keys
 * the data needs. One uncompressed tar archive (its large parts are compressed already):
 *
 *   manifest.json              what is inside, row counts per table, audit chain heads, key fingerprints
 *   database/pgdata.tar.gz     embedded mode: PGlite's data directory (taken with the server stopped)
 *   database/dump.pgcustom     PostgreSQL: pg_dump --format=custom (one consistent snapshot, server running)
 *   files/…                    uploaded photos and files (LINLI_FILES_DIR, default DATA_DIR/files)
 *   keys/…                     only with includeKeys: the key files; otherwise keep them apart
 *
 * A restore goes into an empty DATA_DIR or an empty database only, checks the key before writing
 * anything, and compares row counts and audit heads with the manifest afterwards.
 */
export const BACKUP_FORMAT = 'linli-backup';
export const BACKUP_VERSION = 1;

export interface KeySource {
  /** What the key is for, e.g. 'personal-data'. */
  name: string;
  /** Environment variable holding the key itself, if any. */
  envValue?: string;
  /** Key file. */
  file?: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  driver: 'pglite' | 'postgres';
  migrations: number[];
  /** Exact row counts of every table. */
  counts: Record<string, number>;
  auditHeads: { tenantId: string; seq: number; hash: string }[];
  files: number;
  /** Signed audit checkpoints (AUDIT_CHECKPOINT_DIR), archived under audit-checkpoints/; absent in older backups. */
  checkpoints?: number;
  /** Per key: where it was found when the backup was made and a fingerprint (not the key). */
  keys: { name: string; source: 'environment' | 'file' | 'missing'; fingerprint: string | null; included: boolean }[];
}

export interface BackupOptions {
  database: Database;
  config: Pick<AppConfig, 'dataDir' | 'databaseUrl' | 'filesDir'> & { auditCheckpoints?: { dir: string } };
  outFile: string;
  keys: KeySource[];
  includeKeys?: boolean;
  onProgress?: (step: string) => void;
}

/** The key sources of this installation, as the server reads them (see runtime.ts). */
export function installationKeys(config: Pick<AppConfig, 'dataDir' | 'databaseUrl'>, env = process.env): KeySource[] {
  return [
    {
      name: 'personal-data',
      envValue: env.LINLI_ENCRYPTION_KEY || undefined,
      file: env.LINLI_ENCRYPTION_KEY_FILE ?? (config.databaseUrl ? undefined : path.join(config.dataDir, 'secret.key')),
    },
  ];
}

function readKey(source: KeySource): { value: string; source: 'environment' | 'file' } | undefined {
  if (source.envValue) return { value: source.envValue.trim(), source: 'environment' };
  if (source.file && fs.existsSync(source.file)) return { value: fs.readFileSync(source.file, 'utf8').trim(), source: 'file' };
  return undefined;
}

/** A fingerprint to recognise a key by; it does not reveal the key. */
export function keyFingerprint(value: string): string {
  return createHash('sha256').update('linli-key-fingerprint\0').update(value).digest('hex').slice(0, 16);
}

/** Tables of counters the running servers rewrite all the time; neither backed up nor counted. */
const TRANSIENT_TABLES = ['rate_limit_window'] as const;

async function tableCounts(database: Database): Promise<Record<string, number>> {
  const tables = (
    await database.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
  ).filter((t) => !(TRANSIENT_TABLES as readonly string[]).includes(t.name));
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t.name.replace(/"/g, '""')}"`);
    counts[t.name] = row?.n ?? 0;
  }
  return counts;
}

async function auditHeads(database: Database) {
  return database.query<{ tenantId: string; seq: number; hash: string }>(
    'SELECT tenant_id AS "tenantId", seq::int AS seq, hash FROM audit_head ORDER BY tenant_id',
  );
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err) => reject(new Error(`${cmd} could not be started (${err.message}); install the PostgreSQL client tools`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}: ${stderr.trim()}`))));
  });
}

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

export async function createBackup(options: BackupOptions): Promise<BackupManifest> {
  const { database, config } = options;
  const progress = options.onProgress ?? (() => undefined);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-'));
  try {
    fs.mkdirSync(path.join(staging, 'database'));
    progress('database');
    if (database.driver === 'pglite') {
      if (!database.pglite) throw new Error('the embedded database handle is not available');
      const blob = await database.pglite.dumpDataDir('gzip');
      fs.writeFileSync(path.join(staging, 'database', 'pgdata.tar.gz'), Buffer.from(await blob.arrayBuffer()));
    } else {
      if (!config.databaseUrl) throw new Error('DATABASE_URL is not set');
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        // Rate-limit windows of the running servers: short-lived counters, not data.
        `--exclude-table-data=${TRANSIENT_TABLES[0]}`,
        '--file',
        path.join(staging, 'database', 'dump.pgcustom'),
        config.databaseUrl,
      ]);
    }
    progress('counts');
    const keys = options.keys.map((k) => {
      const found = readKey(k);
      if (found && options.includeKeys) {
        fs.mkdirSync(path.join(staging, 'keys'), { recursive: true });
        fs.writeFileSync(path.join(staging, 'keys', `${k.name}.key`), found.value, { mode: 0o600 });
      }
      return {
        name: k.name,
        source: found?.source ?? ('missing' as const),
        fingerprint: found ? keyFingerprint(found.value) : null,
        included: Boolean(found && options.includeKeys),
      };
    });
    const filesDir = filesDirOf(config);
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      driver: database.driver,
      migrations: (await database.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version')).map(
        (r) => r.version,
      ),
      counts: await tableCounts(database),
      auditHeads: await auditHeads(database),
      files: countFiles(filesDir),
      checkpoints: config.auditCheckpoints ? countFiles(config.auditCheckpoints.dir) : 0,
      keys,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    progress('archive');
    fs.mkdirSync(path.dirname(path.resolve(options.outFile)), { recursive: true });
    const partial = `${options.outFile}.part`;
    const entries = ['manifest.json', 'database', ...(keys.some((k) => k.included) ? ['keys'] : [])];
    await tar.c({ file: partial, cwd: staging, portable: true }, entries);
    // Uploaded files go in from where they are (LINLI_FILES_DIR or DATA_DIR/files), without a second
    // copy on disk, under files/ in the archive.
    if (manifest.files > 0) {
      await tar.r({ file: partial, cwd: filesDir, portable: true, prefix: 'files' }, fs.readdirSync(filesDir));
    }
    // The signed checkpoints are the audit trail's evidence outside the database: they travel with it.
    if (config.auditCheckpoints && (manifest.checkpoints ?? 0) > 0) {
      const dir = config.auditCheckpoints.dir;
      await tar.r({ file: partial, cwd: dir, portable: true, prefix: 'audit-checkpoints' }, fs.readdirSync(dir));
    }
    fs.renameSync(partial, options.outFile);
    if (options.includeKeys) fs.chmodSync(options.outFile, 0o600);
    return manifest;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export interface RestoreOptions {
  archive: string;
  config: Pick<AppConfig, 'dataDir' | 'databaseUrl' | 'filesDir'> & { auditCheckpoints?: { dir: string } };
  keys: KeySource[];
  onProgress?: (step: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Tables whose row count differs from the manifest (empty when the restore is complete). */
  countMismatches: { table: string; expected: number; actual: number }[];
  auditHeadsMatch: boolean;
  keysWritten: string[];
}

const refuse = (reason: string, field = 'archive') => AppError.invalid([{ field, reason }], `The backup cannot be restored: ${reason}`);

/** Reads the manifest of a backup archive without extracting the rest. */
export async function readManifest(archive: string): Promise<BackupManifest> {
  if (!fs.existsSync(archive)) throw refuse(`${archive} does not exist`);
  let text = '';
  await tar.t({
    file: archive,
    filter: (p) => p === 'manifest.json',
    onReadEntry: (entry) => {
      entry.on('data', (d: Buffer) => {
        text += d.toString('utf8');
      });
    },
  });
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text) as BackupManifest;
  } catch {
    throw refuse('it is not a Linli backup (no readable manifest.json)');
  }
  if (manifest.format !== BACKUP_FORMAT) throw refuse('it is not a Linli backup');
  if (manifest.version > BACKUP_VERSION) throw refuse(`it was made by a newer release (format ${manifest.version})`);
  return manifest;
}

/**
 * Restores a backup into an empty DATA_DIR (embedded) or an empty database (DATABASE_URL) of the
 * same kind. Everything that can be checked first is checked first: the archive, the target being
 * empty, the key (from the archive, or already in place with the fingerprint of the backup).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { config } = options;
  const progress = options.onProgress ?? (() => undefined);
  const manifest = await readManifest(options.archive);
  const driver = config.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.driver !== driver) {
    throw refuse(
      `it holds a ${manifest.driver === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'} database; restore it with ${
        manifest.driver === 'pglite' ? 'DATA_DIR and no DATABASE_URL' : 'DATABASE_URL'
      }`,
    );
  }
  const known = new Set(loadMigrations().map((m) => m.version));
  const newer = manifest.migrations.filter((v) => !known.has(v));
  if (newer.length) throw refuse(`it was made by a newer release (migrations ${newer.join(', ')} are unknown here)`);

  const filesDir = filesDirOf(config);
  if (fs.existsSync(filesDir) && fs.readdirSync(filesDir).length) throw refuse(`${filesDir} is not empty`, 'target');
  if (driver === 'pglite') {
    const pgdata = path.join(config.dataDir, 'pgdata');
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length) throw refuse(`${pgdata} is not empty`, 'target');
  } else {
    const probe = await createDatabase({ url: config.databaseUrl, poolSize: 1 });
    try {
      const [row] = await probe.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      if ((row?.n ?? 0) > 0) throw refuse('the target database is not empty', 'target');
    } finally {
      await probe.close();
    }
  }

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-restore-'));
  try {
    progress('extract');
    await tar.x({ file: options.archive, cwd: staging, filter: (p) => !p.startsWith('files/') && p !== 'files' });

    // Keys first: a database whose personal data cannot be read is no restore.
    const keysToWrite: { file: string; value: string; name: string }[] = [];
    for (const k of manifest.keys) {
      const source = options.keys.find((s) => s.name === k.name);
      const present = source ? readKey(source) : undefined;
      const archived = path.join(staging, 'keys', `${k.name}.key`);
      if (present) {
        if (k.fingerprint && keyFingerprint(present.value) !== k.fingerprint) {
          throw refuse(`the ${k.name} key in place is not the key of this backup (fingerprint ${k.fingerprint})`, 'key');
        }
      } else if (k.included && fs.existsSync(archived)) {
        if (!source?.file) throw refuse(`the backup holds the ${k.name} key but no key file is configured to write it to`, 'key');
        keysToWrite.push({ file: source.file, value: fs.readFileSync(archived, 'utf8'), name: k.name });
      } else if (k.fingerprint) {
        throw refuse(
          `the ${k.name} key (fingerprint ${k.fingerprint}) is missing: put its key file in place or set it in the environment`,
          'key',
        );
      }
    }

    progress('database');
    if (driver === 'pglite') {
      const blob = new Blob([fs.readFileSync(path.join(staging, 'database', 'pgdata.tar.gz'))]);
      const restored = await createDatabase({ dataDir: config.dataDir, loadDataDir: blob });
      await restored.close();
    } else {
      await run('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        '--dbname',
        config.databaseUrl as string,
        path.join(staging, 'database', 'dump.pgcustom'),
      ]);
    }

    progress('files');
    if (manifest.files > 0) {
      fs.mkdirSync(filesDir, { recursive: true, mode: 0o700 });
      await tar.x({ file: options.archive, cwd: filesDir, strip: 1, filter: (p) => p.startsWith('files/') });
    }
    if (config.auditCheckpoints && (manifest.checkpoints ?? 0) > 0) {
      // Added to what is there, never overwriting: a checkpoint file is evidence.
      fs.mkdirSync(config.auditCheckpoints.dir, { recursive: true, mode: 0o700 });
      await tar.x({
        file: options.archive,
        cwd: config.auditCheckpoints.dir,
        strip: 1,
        keep: true,
        filter: (p) => p.startsWith('audit-checkpoints/'),
      });
    }
    for (const k of keysToWrite) {
      fs.mkdirSync(path.dirname(k.file), { recursive: true });
      fs.writeFileSync(k.file, k.value, { mode: 0o600, flag: 'wx' });
    }

    progress('check');
    const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
    try {
      const counts = await tableCounts(database);
      const tables = new Set([...Object.keys(manifest.counts), ...Object.keys(counts)]);
      const countMismatches = [...tables]
        .map((table) => ({ table, expected: manifest.counts[table] ?? 0, actual: counts[table] ?? 0 }))
        .filter((c) => c.expected !== c.actual);
      const heads = await auditHeads(database);
      const auditHeadsMatch = JSON.stringify(heads) === JSON.stringify(manifest.auditHeads);
      return { manifest, countMismatches, auditHeadsMatch, keysWritten: keysToWrite.map((k) => k.name) };
    } finally {
      await database.close();
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
