import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { loadMigrations } from './migrate.ts';
import { tenantKeyViolations } from './schema-rules.ts';
import { createTestDatabase } from './testing.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe('tenant key rule (Citus)', () => {
  it('holds for every table of the migrated schema', async () => {
    const tables = await database.query<{ n: number }>("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'");
    expect(tables[0]?.n).toBeGreaterThan(20);
    expect(await tenantKeyViolations(database)).toEqual([]);
  });

  it('reports a table, a foreign key and a global reference that break it', async () => {
    // One connection: the broken tables exist only inside this uncommitted transaction.
    await database.withConnection(async (conn) => {
      await conn.exec(`BEGIN;
        CREATE TABLE bad_owned (id uuid PRIMARY KEY, tenant_id text NOT NULL);
        CREATE TABLE bad_child (tenant_id text NOT NULL, id uuid NOT NULL, node_id uuid REFERENCES bad_owned (id), PRIMARY KEY (tenant_id, id));
        CREATE TABLE bad_global (code text PRIMARY KEY, tenant_id text, node_id uuid,
          FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id));
        COMMENT ON TABLE bad_global IS 'scope: global';`);
      try {
        const violations = (await tenantKeyViolations(conn)).join('\n');
        expect(violations.split('\n')).toHaveLength(3);
        expect(violations).toMatch(/bad_owned: primary key \(id\)/);
        expect(violations).toMatch(/bad_child\(node_id\) → bad_owned\(id\)/);
        expect(violations).toMatch(/global table bad_global references tenant-owned territory_node/);
      } finally {
        await conn.exec('ROLLBACK');
      }
    });
  });

  it('records every migration file as applied', async () => {
    const applied = await database.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
  });
});
