import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { loadMigrations, migrationStatus } from './migrate.ts';
import { createTestDatabase, testDriver, testServerUrl } from './testing.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('migrationStatus', () => {
  let database: Database;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migrations-'));
    // Every migration of every folder, in one folder of its own to edit.
    for (const m of loadMigrations()) fs.copyFileSync(m.file, path.join(dir, path.basename(m.file)));
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every shipped migration as applied on a migrated database', async () => {
    const status = await migrationStatus(database);
    expect(status.applied.map((m) => m.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(status.pending).toEqual([]);
    expect(status.changed).toEqual([]);
    expect(status.unknown).toEqual([]);
  });

  it('reports a new file as pending, an edited one as changed and a missing one as unknown, applying nothing', async () => {
    const files = fs.readdirSync(dir).sort();
    const first = files[0] as string;
    const last = files[files.length - 1] as string;
    fs.appendFileSync(path.join(dir, first), '\n-- edited\n');
    fs.rmSync(path.join(dir, last));
    fs.writeFileSync(path.join(dir, '9999_later_change.sql'), 'CREATE TABLE later_change (id int);');
    const status = await migrationStatus(database, dir);
    expect(status.pending.map((m) => m.name)).toEqual(['later_change']);
    expect(status.changed.map((m) => m.version)).toEqual([Number(first.slice(0, 4))]);
    expect(status.unknown.map((m) => m.version)).toEqual([Number(last.slice(0, 4))]);
    const [table] = await database.query<{ t: string | null }>("SELECT to_regclass('later_change')::text AS t");
    expect(table?.t).toBeNull();
  });
});

describe('npm run migrate', () => {
  // Runs the command as an operator would on an empty database, without any personal-data key.
  let env: NodeJS.ProcessEnv;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const { LINLI_ENCRYPTION_KEY: _k, LINLI_ENCRYPTION_KEY_FILE: _f, DATABASE_URL: _u, ...rest } = process.env;
    if (testDriver() === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migrate-cli-'));
      env = { ...rest, DATA_DIR: dataDir };
      cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `linli_test_cli_${process.pid}_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
      env = { ...rest, DATABASE_URL: testServerUrl(name) };
      cleanup = async () => {
        const dropper = new pg.Client({ connectionString: testServerUrl() });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
      };
    }
  });
  afterAll(async () => cleanup());

  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'apps/server/src/cli/migrate.ts', ...args], { cwd: root, env, encoding: 'utf8' });

  it('--dry-run lists every migration as pending and applies none; then migrate applies them without a key', () => {
    const count = loadMigrations().length;
    const dry = run('--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(`pending: ${count}`);
    expect(dry.stdout).toContain('applied: 0');

    const applied = run();
    expect(applied.stderr).toBe('');
    expect(applied.status).toBe(0);
    expect(applied.stdout.match(/migration \d{4}_\w+ applied/g)).toHaveLength(count);

    const status = run('--status');
    expect(status.status).toBe(0);
    expect(status.stdout).toContain(`applied: ${count}`);
    expect(status.stdout).toContain('pending: 0');
  });
});
