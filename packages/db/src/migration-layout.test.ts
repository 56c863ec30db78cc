import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from './database.ts';
import { loadMigrations, migrate, migrationStatus, migrationsDir, workspaceMigrationFolders } from './migrate.ts';
import { testDriver, testServerUrl } from './testing.ts';

/**
 * Every migration of the release that kept them all in packages/db/migrations, with the name and
 * checksum that databases of that release recorded in `schema_migration`. Moving a file into its
 * module's migrations folder must change neither, or those databases would refuse to start.
 */
const releasedBeforeModuleFolders: [number, string, string][] = [
  [1, 'foundation', '16e1f642e2c3bcfb2efc2d7fca70dff21a22fc6a1cae085bb04dbdbbdeba9c2d'],
  [2, 'people_and_organisations', '365acbbd325b57d4024dcbd9fbf39c6c469b240913e951a37566eb34a806df97'],
  [3, 'demands', 'f5f8aa603f25f186b573393495117786f5fea772f200dd7a7d02509f8cb55761'],
  [4, 'demand_attachments', '7995acd0022b351362c5af99c3fc98f664af91335bd14826044b73e6dfc0852d'],
  [5, 'notifications_and_deadlines', 'db3aefe1403aeaee1d530156258aeea6ccb9e0bf5e3829189c412867a6389974'],
  [6, 'open311', '08dd3935c02f597c855cf1f1937a6b79b3250fd89d084e1d1397519d2f84b6de'],
  [7, 'demand_import', '44de34d44c81145c6b369804095f940950521e68e4127a6a9d6faf180577527c'],
  [8, 'demand_smart', '6fe228389847ab16753c57197acd22e1a8aa763807dde052b5402158b0593766'],
  [9, 'demand_kpi', '144a00185f9e032cb64ae44e70aab0108d0762e52521b2413d66d51b3917101e'],
  [10, 'demand_inbox_indexes', 'e8500cb44d0459061ceb9e2e4256457a3f3a83df6df47e22fa9a5e257dd3ede6'],
  [11, 'caller_texts', 'bf7d284f3f158271c9ae58466bc819cb627164c7e1299b61fc16dce1d69885af'],
  [12, 'deadline_rules_by_type', 'd9cc3a6f7ffe73a8cecf34721cfa65b83223b61a1006c7945b69cc1f4eae8b12'],
  [13, 'notification_retention', '7287aae8ced0d65523153c16509bb76e975ac3bda469d94f57d750a7653e2774'],
  [14, 'demand_callback_flag', '505b597838df8c083a26d047de4056b17682b7b523c1ac53753a48bfd9620423'],
  [15, 'demand_category_version', '98f00900227622b4483222f888e3abd1ce19d4e5cfb2ab65659273ef5553543b'],
  [16, 'demand_public', 'c09e7f3e2e1626e4f14d47e1b1729d341244df37e08eff8a4290f63b25cf2a04'],
  [17, 'audit_keyed_chain', 'db57450af4fb83c199987ea95243523bfb3ce94cd0af4b9ea9f1c4a6bd836c60'],
  [22, 'territory_rollup', '7e16e3c9a6222b4b602fdf0361dc12d6b2a26e47b38fe5b65d24b661eb6ca52f'],
  [23, 'demand_place_month', 'f6f7bf891dde6c3c7d78ed448ecc1b9fe59d7b69f93b65351c4e890570d83c5f'],
  [24, 'rate_limit_window', '7cf64f78d3426f21b6d8bcb6779295f72107d4e511dd93a59efbb31ff7f987b2'],
];
const lastReleased = 24;

/** An empty database (no schema_migration): PGlite in memory, or a new database on the test server. */
async function emptyDatabase(): Promise<Database> {
  if (testDriver() === 'pglite') return createDatabase({ dataDir: 'memory://' });
  const name = `linli_test_layout_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`).finally(() => admin.end());
  const database = await createDatabase({ url: testServerUrl(name), poolSize: 1 });
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

describe('migrations in module folders', () => {
  const tmp: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migrations-'));
    tmp.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of tmp) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the number, name and checksum of every migration released before the move', () => {
    const now = loadMigrations()
      .filter((m) => m.version <= lastReleased)
      .map((m) => [m.version, m.name, m.checksum]);
    expect(now).toEqual(releasedBeforeModuleFolders);
  });

  it('collects packages/db/migrations and every workspace package migrations folder', () => {
    const folders = workspaceMigrationFolders();
    expect(folders).toContain(migrationsDir);
    for (const dir of folders) expect(path.basename(dir)).toBe('migrations');
    // Each file is found once, whatever folder holds it.
    const files = loadMigrations().map((m) => m.file);
    expect(new Set(files).size).toBe(files.length);
  });

  it('orders the files of all folders by number, then by name, and refuses a number used in two folders', () => {
    const a = tempDir();
    const b = tempDir();
    fs.writeFileSync(path.join(a, '0003_third.sql'), 'SELECT 3;');
    fs.writeFileSync(path.join(b, '0001_first.sql'), 'SELECT 1;');
    fs.writeFileSync(path.join(a, '0002_second.sql'), 'SELECT 2;');
    expect(loadMigrations([a, b]).map((m) => `${m.version}_${m.name}`)).toEqual(['1_first', '2_second', '3_third']);
    expect(loadMigrations([b, a]).map((m) => m.file)).toEqual(loadMigrations([a, b]).map((m) => m.file));
    fs.writeFileSync(path.join(b, '0002_other.sql'), 'SELECT 22;');
    expect(() => loadMigrations([a, b])).toThrow(/migration number 2 is used twice/);
  });

  describe('a database migrated by the release with one folder', () => {
    let database: Database;
    let oldLayout: string;
    beforeAll(async () => {
      // The released set, as it lay in one folder then.
      oldLayout = tempDir();
      for (const m of loadMigrations().filter((m) => m.version <= lastReleased)) {
        fs.copyFileSync(m.file, path.join(oldLayout, path.basename(m.file)));
      }
      database = await emptyDatabase();
      await migrate(database, { folders: [oldLayout] });
    });
    afterAll(async () => database?.close());

    it('verifies under the module folders: nothing edited or unknown, only later migrations pending, which then apply', async () => {
      const before = await migrationStatus(database);
      expect(before.changed).toEqual([]);
      expect(before.unknown).toEqual([]);
      expect(before.applied.map((m) => [m.version, m.name])).toEqual(releasedBeforeModuleFolders.map(([v, n]) => [v, n]));
      const later = loadMigrations().filter((m) => m.version > lastReleased);
      expect(before.pending.map((m) => m.version)).toEqual(later.map((m) => m.version));

      const applied = await migrate(database);
      expect(applied.map((m) => m.version)).toEqual(later.map((m) => m.version));
      const after = await migrationStatus(database);
      expect(after.pending).toEqual([]);
      expect(after.changed).toEqual([]);
      expect(after.applied).toHaveLength(loadMigrations().length);
    });
  });
});
