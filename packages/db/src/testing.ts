import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, type Database } from './database.ts';
import { migrate } from './migrate.ts';

/**
 * Test databases. A test run migrates ONE template (global setup) and every test file gets a copy:
 * on PGlite a copy of the template's data directory on disk (a file copy, ~0.3 s, where loading the
 * dumped template into memory took ~1.5 s of CPU and initdb ~6 s), removed again on close;
 * on PostgreSQL `CREATE DATABASE … TEMPLATE`, dropped again on close. LINLI_TEST_DB picks the
 * driver (pglite | postgres); TEST_DATABASE_URL points at the server (default 127.0.0.1:5432).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// Each test run has its own template (vitest.config.ts sets LINLI_TEST_RUN), so runs in parallel
// checkouts or on one shared PostgreSQL server never drop each other's template.
const runId = (process.env.LINLI_TEST_RUN ?? 'manual').replace(/[^a-z0-9_]/gi, '');
export const pgliteTemplateFile = path.join(root, '.tmp', `pglite-template-${runId}.tar`);
/** The migrated template as a PGlite data directory (DATA_DIR layout: pgdata/ inside), and the copies' parent. */
const pgliteTemplateDir = path.join(root, '.tmp', `pglite-template-${runId}`);
const pgliteCopies = path.join(root, '.tmp', `pglite-copies-${runId}`);
export const postgresTemplateName = `linli_test_template_${runId}`;

export function testDriver(): 'pglite' | 'postgres' {
  return process.env.LINLI_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export function testServerUrl(database = 'postgres'): string {
  const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Global teardown: remove this run's template. */
export async function removeTemplate(driver = testDriver()): Promise<void> {
  if (driver === 'pglite') {
    fs.rmSync(pgliteTemplateFile, { force: true });
    fs.rmSync(pgliteTemplateDir, { recursive: true, force: true });
    fs.rmSync(pgliteCopies, { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`).finally(() => admin.end());
}

/** Global setup: build the migrated template once per run. */
export async function prepareTemplate(driver = testDriver()): Promise<void> {
  if (driver === 'pglite') {
    const database = await createDatabase({ dataDir: 'memory://' });
    await migrate(database);
    const blob = await database.pglite!.dumpDataDir('none');
    fs.mkdirSync(path.dirname(pgliteTemplateFile), { recursive: true });
    fs.writeFileSync(pgliteTemplateFile, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    fs.rmSync(pgliteTemplateDir, { recursive: true, force: true });
    const onDisk = await createDatabase({ dataDir: pgliteTemplateDir, loadDataDir: blob });
    await onDisk.close();
    fs.rmSync(path.join(pgliteTemplateDir, 'linli.lock'), { force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect().catch((err: Error) => {
    throw new Error(
      `PostgreSQL is not reachable at ${testServerUrl()} (${err.message}). Start it (see README, "Tests") or set TEST_DATABASE_URL.`,
    );
  });
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplateName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${postgresTemplateName}`);
  } finally {
    await admin.end();
  }
  const database = await createDatabase({ url: testServerUrl(postgresTemplateName), poolSize: 1 });
  await migrate(database);
  await database.close();
}

let counter = 0;

/** A migrated, empty database of its own for one test file (or one test). Close it when done. */
export async function createTestDatabase(): Promise<Database> {
  if (testDriver() === 'pglite') {
    if (!fs.existsSync(path.join(pgliteTemplateDir, 'pgdata'))) await prepareTemplate('pglite');
    const dir = path.join(pgliteCopies, `${process.pid}_${counter++}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.cpSync(path.join(pgliteTemplateDir, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true });
    const database = await createDatabase({ dataDir: dir });
    return {
      ...database,
      async close() {
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `linli_test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${postgresTemplateName}`);
  } finally {
    await admin.end();
  }
  const database = await createDatabase({ url: testServerUrl(name), poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: testServerUrl() });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
