import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { loadMigrations } from './migrate.ts';
import { createTestDatabase } from './testing.ts';

// The Citus rule: a tenant-owned table is distributed by tenant_id, so tenant_id leads its primary
// key and every foreign key to another tenant-owned table. Global reference tables carry the
// comment 'scope: global' and may be referenced from anywhere.
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

interface TableInfo {
  table: string;
  comment: string | null;
  pk: string[] | null;
}

async function tables(): Promise<TableInfo[]> {
  return database.query<TableInfo>(`
    SELECT c.relname AS table, obj_description(c.oid, 'pg_class') AS comment,
      (SELECT array_agg(a.attname::text ORDER BY k.ord)
         FROM pg_constraint pk, unnest(pk.conkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    ORDER BY 1`);
}

describe('tenant key rule', () => {
  it('every tenant-owned table has tenant_id first in its primary key', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(10);
    const offenders = all
      .filter((t) => t.comment !== 'scope: global')
      .filter((t) => t.pk?.[0] !== 'tenant_id')
      .map((t) => `${t.table} (primary key: ${t.pk?.join(', ') ?? 'none'})`);
    expect(offenders).toEqual([]);
  });

  it('every foreign key between tenant-owned tables starts with tenant_id on both sides', async () => {
    const global = new Set((await tables()).filter((t) => t.comment === 'scope: global').map((t) => t.table));
    const fks = await database.query<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>(`
      SELECT con.conname AS name, src.relname AS from_table, dst.relname AS to_table,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS from_cols,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS to_cols
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`);
    expect(fks.length).toBeGreaterThan(10);
    const offenders = fks
      .filter((fk) => !global.has(fk.from_table) && !global.has(fk.to_table) && fk.to_table !== 'tenant')
      .filter((fk) => fk.from_cols[0] !== 'tenant_id' || fk.to_cols[0] !== 'tenant_id')
      .map((fk) => `${fk.name}: ${fk.from_table}(${fk.from_cols}) → ${fk.to_table}(${fk.to_cols})`);
    expect(offenders).toEqual([]);
  });

  it('a global table never references a tenant-owned table (Citus reference tables cannot)', async () => {
    const all = await tables();
    const global = new Set(all.filter((t) => t.comment === 'scope: global').map((t) => t.table));
    const rows = await database.query<{ from_table: string; to_table: string }>(`
      SELECT src.relname AS from_table, dst.relname AS to_table FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
      WHERE con.contype = 'f'`);
    expect(rows.filter((r) => global.has(r.from_table) && !global.has(r.to_table))).toEqual([]);
  });

  it('records every migration file as applied', async () => {
    const applied = await database.query<{ version: number }>('SELECT version FROM schema_migration ORDER BY version');
    expect(applied.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
  });
});
