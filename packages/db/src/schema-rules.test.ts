import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { loadMigrations } from './migrate.ts';
import { citusPlan, tenantKeyViolations } from './schema-rules.ts';
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

describe('Citus plan (npm run citus:plan)', () => {
  it('names every table once: global ones as reference tables first, the rest distributed by tenant_id after what they reference', async () => {
    const plan = await citusPlan(database);
    const tables = await database.query<{ name: string; global: boolean }>(
      `SELECT c.relname AS name, coalesce(obj_description(c.oid, 'pg_class') = 'scope: global', false) AS global
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relpersistence = 'p'`,
    );
    const unlogged = await database.query<{ name: string }>(
      "SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relpersistence = 'u'",
    );
    expect(unlogged.map((t) => t.name)).toContain('rate_limit_window');
    const position = new Map<string, number>();
    plan.forEach((line, i) => {
      const m = /^SELECT create_(reference|distributed)_table\('(\w+)'/.exec(line);
      expect(m, line).not.toBeNull();
      const [, kind, table] = m as unknown as [string, string, string];
      expect(position.has(table), `${table} twice`).toBe(false);
      position.set(table, i);
      expect(kind, table).toBe(tables.find((t) => t.name === table)?.global ? 'reference' : 'distributed');
    });
    expect([...position.keys()].sort()).toEqual(tables.map((t) => t.name).sort());
    for (const t of unlogged) expect(position.has(t.name), `${t.name} stays on the coordinator`).toBe(false);
    expect(plan[position.get('territory_node') as number]).toBe(
      "SELECT create_distributed_table('territory_node', 'tenant_id', colocate_with => 'tenant');",
    );
    const fks = await database.query<{ from_table: string; to_table: string }>(
      `SELECT src.relname AS from_table, dst.relname AS to_table FROM pg_constraint con
       JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace WHERE con.contype = 'f' AND n.nspname = 'public' AND src.relname <> dst.relname`,
    );
    expect(fks.length).toBeGreaterThan(20);
    for (const fk of fks) {
      expect(position.get(fk.to_table), `${fk.from_table} → ${fk.to_table}`).toBeLessThan(position.get(fk.from_table) as number);
    }
  });
});
