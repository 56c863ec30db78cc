import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from './modules.ts';

// Modules meet through interfaces, not through each other's tables. Each manifest names the tables
// it owns (`tables`) and the tables of other modules its SQL reads (`reads`); territory's tree is
// reached only through @linli/territory (`territory`, `territorySql`). Checked against the migrated
// catalogue and the SQL text of every module's production files.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Tables of the platform (packages/core, packages/db): written through core's helpers, shared by every module. */
const platformTables = [
  'audit_event',
  'audit_head',
  'counter',
  'idempotency_key',
  'import_job',
  'outbox_event',
  'rate_limit_window',
  'schema_migration',
  'tenant',
];

/**
 * ltree columns that are not a copy of a territory path: territory's own, other trees (party
 * organisations, categories), and rollups that triggers keep from a declared copy.
 */
const notCopies: Record<string, string> = {
  'territory_node.path': 'the tree itself',
  'party_org.path': 'the party organisation tree (ids of party_org)',
  'demand_category.path': 'the category tree (ids of demand_category)',
  'demand_kpi_month.place_path': 'kept by the demand_kpi trigger from demand.node_path',
  'demand_kpi_category_month.area_path': 'kept by the demand_kpi trigger from demand.node_path',
  'demand_place_month.place_path': 'kept by the demand_place_month triggers from demand.node_path',
};

let database: Database;
let catalogue: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  catalogue = (await database.query<{ t: string }>("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map(
    (r) => r.t,
  );
});
afterAll(() => database?.close());

/** The production .ts files of a module: src/ without tests, test helpers and fixtures. */
function productionFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'fixtures' && entry.name !== 'node_modules') walk(p);
      } else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !/^testing/.test(entry.name)) {
        found.push(p);
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

/** Table names an SQL text names after FROM, JOIN, UPDATE, INTO, USING or TABLE (SQL keywords are written in capitals). */
function sqlTables(text: string, known: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|USING|TABLE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/g)) {
    if (known.has(m[1] as string)) names.add(m[1] as string);
  }
  for (const m of text.matchAll(/pgTable\(\s*'([a-z_][a-z0-9_]*)'/g)) names.add(m[1] as string);
  return names;
}

const moduleDir = (name: string) => path.join(root, 'modules', name);

describe('module tables', () => {
  it('finds the SQL table names in a text', () => {
    const known = new Set(['demand', 'resident', 'territory_node']);
    const text = "sql`SELECT d.id FROM demand d JOIN resident r ON r.id = d.x WHERE extract(epoch FROM d.at) > 0`; pgTable('grid', {})";
    expect([...sqlTables(text, known)].sort()).toEqual(['demand', 'grid', 'resident']);
  });

  it('gives every table of the catalogue one owner: a module or the platform', () => {
    const owners = new Map<string, string[]>();
    for (const m of modules) for (const t of m.tables ?? []) owners.set(t, [...(owners.get(t) ?? []), m.name]);
    for (const t of platformTables) owners.set(t, [...(owners.get(t) ?? []), 'platform']);
    const problems = catalogue.flatMap((t) => {
      const o = owners.get(t) ?? [];
      return o.length === 1 ? [] : [`${t}: ${o.length ? `owned by ${o.join(' and ')}` : 'no owner'}`];
    });
    const unknown = [...owners.keys()].filter((t) => !catalogue.includes(t)).map((t) => `${t}: declared but not in the catalogue`);
    expect([...problems, ...unknown]).toEqual([]);
  });

  it('lets a module’s SQL name only the tables it owns or declares in reads — and territory’s tree never', () => {
    const known = new Set(catalogue);
    const problems: string[] = [];
    for (const m of modules) {
      const dir = moduleDir(m.name);
      expect(fs.existsSync(path.join(dir, 'src')), `modules/${m.name}/src`).toBe(true);
      const allowed = new Set([...(m.tables ?? []), ...(m.reads ?? []), ...platformTables]);
      for (const file of productionFiles(path.join(dir, 'src'))) {
        const text = fs.readFileSync(file, 'utf8');
        for (const t of sqlTables(text, known)) {
          const where = path.relative(root, file);
          if (t === 'territory_node' && m.name !== 'territory') {
            problems.push(`${where}: names territory_node — use @linli/territory (territory, territorySql)`);
          } else if (!allowed.has(t)) {
            problems.push(`${where}: names ${t}, which ${m.name} neither owns nor declares in reads`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares in reads only tables of other modules that exist', () => {
    const problems = modules.flatMap((m) =>
      (m.reads ?? []).flatMap((t) =>
        !catalogue.includes(t)
          ? [`${m.name} reads ${t}: not in the catalogue`]
          : (m.tables ?? []).includes(t)
            ? [`${m.name} reads its own ${t}`]
            : [],
      ),
    );
    expect(problems).toEqual([]);
  });

  it('declares every foreign key to a territory node once, in the manifest of the table’s owner', async () => {
    const fks = await database.query<{ t: string; c: string }>(
      `SELECT c.conrelid::regclass::text AS t, a.attname AS c
         FROM pg_constraint c JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'f' AND c.confrelid = 'territory_node'::regclass AND a.attname <> 'tenant_id' ORDER BY 1, 2`,
    );
    const declared = modules.flatMap((m) => (m.territoryRefs?.nodes ?? []).map((n) => ({ module: m, key: `${n.table}.${n.column}` })));
    const problems: string[] = [];
    for (const fk of fks) {
      const key = `${fk.t}.${fk.c}`;
      if (key === 'territory_node.parent_id') continue;
      const by = declared.filter((d) => d.key === key);
      if (by.length !== 1) problems.push(`${key}: declared by ${by.length} modules`);
      else if (!(by[0]?.module.tables ?? []).includes(fk.t))
        problems.push(`${key}: declared by ${by[0]?.module.name}, which does not own ${fk.t}`);
    }
    for (const d of declared)
      if (!fks.some((fk) => `${fk.t}.${fk.c}` === d.key)) problems.push(`${d.key}: declared, but no foreign key to a node`);
    expect(problems).toEqual([]);
  });

  it('declares every copy of a territory path (an ltree column) for re-pathing, by the table’s owner', async () => {
    const columns = await database.query<{ t: string; c: string }>(
      `SELECT c.relname AS t, a.attname AS c FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type ty ON ty.oid = a.atttypid
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND ty.typname = 'ltree' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 2`,
    );
    const declared = modules.flatMap((m) => (m.territoryRefs?.paths ?? []).map((p) => ({ module: m, key: `${p.table}.${p.column}` })));
    const problems: string[] = [];
    for (const col of columns) {
      const key = `${col.t}.${col.c}`;
      const by = declared.filter((d) => d.key === key);
      if (notCopies[key]) {
        if (by.length) problems.push(`${key}: not a copy (${notCopies[key]}) but declared by ${by[0]?.module.name}`);
      } else if (by.length !== 1) problems.push(`${key}: an ltree column declared by ${by.length} modules`);
      else if (!(by[0]?.module.tables ?? []).includes(col.t))
        problems.push(`${key}: declared by ${by[0]?.module.name}, which does not own ${col.t}`);
    }
    expect(problems).toEqual([]);
  });
});
