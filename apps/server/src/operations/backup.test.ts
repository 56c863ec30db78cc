import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDriver, testServerUrl } from '@linli/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest } from './backup.ts';

// The operator's path, through the commands themselves: set up a county, back it up, restore it
// into an empty place, recompute the audit trail there. On PGlite and on PostgreSQL.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-backup-test-'));
const key = 'ab'.repeat(32);
const databases: string[] = [];

interface Place {
  env: NodeJS.ProcessEnv;
  dataDir: string;
}

async function newPlace(name: string, withKeyFile: boolean): Promise<Place> {
  const { LINLI_ENCRYPTION_KEY: _k, LINLI_ENCRYPTION_KEY_FILE: _f, DATABASE_URL: _u, DATA_DIR: _d, ...rest } = process.env;
  const dataDir = path.join(work, name);
  fs.mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...rest, DATA_DIR: dataDir, LINLI_DEMO: 'false' };
  if (testDriver() === 'postgres') {
    const db = `linli_test_backup_${process.pid}_${Date.now().toString(36)}_${databases.length}`;
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`).finally(() => admin.end());
    databases.push(db);
    env.DATABASE_URL = testServerUrl(db);
    env.LINLI_ENCRYPTION_KEY_FILE = path.join(dataDir, 'secret.key');
  }
  if (withKeyFile) fs.writeFileSync(path.join(dataDir, 'secret.key'), key, { mode: 0o600 });
  return { env, dataDir };
}

const cli = (place: Place, script: string, ...args: string[]): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, ['--import', 'tsx', `apps/server/src/cli/${script}.ts`, ...args], {
    cwd: root,
    env: place.env,
    encoding: 'utf8',
  });

const ok = (r: SpawnSyncReturns<string>) => {
  if (r.status !== 0) throw new Error(`exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

let source: Place;
let plainArchive: string;
let keyedArchive: string;

beforeAll(async () => {
  source = await newPlace('source', true);
  ok(cli(source, 'tenant-init', '--code', '341602', '--name', '谯城区', '--admin', 'qc.sys', '--security-admin', 'qc.sec'));
  // A signed checkpoint of the chain head, as the server writes them (DATA_DIR/audit-checkpoints).
  ok(cli(source, 'audit-verify', '--checkpoint'));
  const upload = path.join(source.dataDir, 'files', 'ab', 'photo-0001.jpg');
  fs.mkdirSync(path.dirname(upload), { recursive: true });
  fs.writeFileSync(upload, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
  plainArchive = path.join(work, 'plain.tar');
  keyedArchive = path.join(work, 'keyed.tar');
  const out = ok(cli(source, 'backup', '--out', plainArchive));
  expect(out).toContain('not included: back it up separately');
  ok(cli(source, 'backup', '--out', keyedArchive, '--include-keys'));
}, 180_000);

afterAll(async () => {
  fs.rmSync(work, { recursive: true, force: true });
  for (const db of databases) {
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).finally(() => admin.end());
  }
});

describe('npm run backup / npm run restore', () => {
  it('records counts, audit heads, files and the key fingerprint, and leaves the key out unless asked', async () => {
    const manifest = await readManifest(plainArchive);
    expect(manifest.driver).toBe(testDriver());
    expect(manifest.counts.tenant).toBe(1);
    expect(manifest.counts.account).toBe(2);
    expect(manifest.counts.territory_node).toBeGreaterThan(100);
    expect(manifest.auditHeads).toEqual([expect.objectContaining({ tenantId: '341602', seq: 3 })]);
    expect(manifest.files).toBe(1);
    expect(manifest.checkpoints).toBeGreaterThanOrEqual(1);
    expect(manifest.keys).toEqual([
      { name: 'personal-data', source: 'file', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), included: false },
    ]);
    const listing = spawnSync('tar', ['-tf', plainArchive], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing).toContain('files/ab/photo-0001.jpg');
    expect(listing.some((p) => /^audit-checkpoints\/341602\/.+/.test(p))).toBe(true);
    expect(listing.some((p) => p.startsWith('keys'))).toBe(false);
    const keyed = spawnSync('tar', ['-tf', keyedArchive], { encoding: 'utf8' }).stdout.split('\n');
    expect(keyed).toContain('keys/personal-data.key');
  });

  it('refuses to restore without the key and writes nothing', async () => {
    const target = await newPlace('no-key', false);
    const r = cli(target, 'restore', plainArchive);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('personal-data key');
    expect(fs.existsSync(path.join(target.dataDir, 'files'))).toBe(false);
    expect(fs.existsSync(path.join(target.dataDir, 'pgdata'))).toBe(false);
  });

  it('refuses a key that is not the backup key', async () => {
    const target = await newPlace('wrong-key', false);
    fs.writeFileSync(path.join(target.dataDir, 'secret.key'), 'cd'.repeat(32));
    const r = cli(target, 'restore', plainArchive);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is not the key of this backup');
  });

  it('restores into an empty place with the key in place: same counts, same files, audit trail intact', async () => {
    const target = await newPlace('restored', true);
    const out = ok(cli(target, 'restore', plainArchive));
    expect(out).toContain('row counts of');
    expect(out).toContain('audit chain heads match the backup');
    expect(fs.readFileSync(path.join(target.dataDir, 'files', 'ab', 'photo-0001.jpg'))).toEqual(
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
    );
    // The signed checkpoints came along, and the restored chain still passes through them.
    expect(fs.readdirSync(path.join(target.dataDir, 'audit-checkpoints', '341602')).length).toBeGreaterThanOrEqual(1);
    const verify = cli(target, 'audit-verify');
    expect(verify.stdout).toContain('audit trail intact');
    expect(verify.stdout).toMatch(/against [1-9]\d* signed checkpoint/);
    expect(verify.status).toBe(0);
    // A second restore into the same place is refused: it is no longer empty.
    const again = cli(target, 'restore', plainArchive);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('takes the uploads from LINLI_FILES_DIR and restores them into the LINLI_FILES_DIR of the target', async () => {
    const sharedFiles = path.join(work, 'shared-files');
    const upload = path.join(sharedFiles, 'cd', 'photo-0002.jpg');
    fs.mkdirSync(path.dirname(upload), { recursive: true });
    fs.writeFileSync(upload, Buffer.from([0xff, 0xd8, 9, 9]));
    const archive = path.join(work, 'shared.tar');
    ok(cli({ ...source, env: { ...source.env, LINLI_FILES_DIR: sharedFiles } }, 'backup', '--out', archive));
    expect((await readManifest(archive)).files).toBe(1);
    const listing = spawnSync('tar', ['-tf', archive], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing).toContain('files/cd/photo-0002.jpg');
    // The files beside the data (DATA_DIR/files) are not this installation's uploads any more.
    expect(listing).not.toContain('files/ab/photo-0001.jpg');

    const target = await newPlace('restored-shared', true);
    const targetFiles = path.join(work, 'restored-shared-files');
    ok(cli({ ...target, env: { ...target.env, LINLI_FILES_DIR: targetFiles } }, 'restore', archive));
    expect(fs.readFileSync(path.join(targetFiles, 'cd', 'photo-0002.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 9, 9]));
    expect(fs.existsSync(path.join(target.dataDir, 'files'))).toBe(false);
  });

  it('restores the key from an archive that holds it', async () => {
    const target = await newPlace('with-key', false);
    const out = ok(cli(target, 'restore', keyedArchive));
    expect(out).toContain('personal-data key written from the archive');
    expect(fs.readFileSync(path.join(target.dataDir, 'secret.key'), 'utf8')).toBe(key);
  });
});
