import type { Connection } from './database.ts';

/**
 * The Citus rule, read from the catalogue: a tenant-owned table is distributed by tenant_id, so
 * tenant_id leads its primary key and every foreign key to another tenant-owned table. Global
 * reference tables carry the comment 'scope: global' and never reference tenant-owned tables.
 * Returns one line per violation; empty when the schema keeps the rule.
 */
export async function tenantKeyViolations(db: Connection): Promise<string[]> {
  const tables = await db.query<{ table: string; comment: string | null; pk: string[] | null }>(`
    SELECT c.relname AS table, obj_description(c.oid, 'pg_class') AS comment,
      (SELECT array_agg(a.attname::text ORDER BY k.ord)
         FROM pg_constraint pk, unnest(pk.conkey) WITH ORDINALITY k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE pk.conrelid = c.oid AND pk.contype = 'p') AS pk
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'`);
  const global = new Set(tables.filter((t) => t.comment === 'scope: global').map((t) => t.table));
  const violations = tables
    .filter((t) => !global.has(t.table) && t.pk?.[0] !== 'tenant_id')
    .map((t) => `${t.table}: primary key (${t.pk?.join(', ') ?? 'none'}) does not start with tenant_id`);
  const fks = await db.query<{ name: string; from_table: string; to_table: string; from_cols: string[]; to_cols: string[] }>(`
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
  for (const fk of fks) {
    const fromGlobal = global.has(fk.from_table);
    const toGlobal = global.has(fk.to_table);
    if (fromGlobal && !toGlobal) violations.push(`${fk.name}: global table ${fk.from_table} references tenant-owned ${fk.to_table}`);
    if (!fromGlobal && !toGlobal && fk.to_table !== 'tenant' && (fk.from_cols[0] !== 'tenant_id' || fk.to_cols[0] !== 'tenant_id')) {
      violations.push(`${fk.name}: ${fk.from_table}(${fk.from_cols}) → ${fk.to_table}(${fk.to_cols}) does not start with tenant_id`);
    }
  }
  return violations.sort();
}

/**
 * The statements that turn this schema into a Citus cluster, read from the catalogue: global
 * tables ('scope: global') become reference tables (copied to every node), every other table is
 * distributed by tenant_id and colocated with `tenant`, so one county's rows live together and
 * its joins and foreign keys stay on one node. Tables come in foreign-key order (a table after
 * the tables it references), as Citus requires.
 */
export async function citusPlan(db: Connection): Promise<string[]> {
  // UNLOGGED tables (request bookkeeping such as rate-limit windows) stay plain tables on the
  // coordinator: copying every counter to every worker would make each request a cluster-wide write.
  const tables = await db.query<{ table: string; comment: string | null }>(`
    SELECT c.relname AS table, obj_description(c.oid, 'pg_class') AS comment
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relpersistence = 'p' ORDER BY c.relname`);
  const refs = await db.query<{ from_table: string; to_table: string }>(`
    SELECT DISTINCT src.relname AS from_table, dst.relname AS to_table
    FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = src.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public' AND src.relname <> dst.relname`);
  const deps = new Map(tables.map((t) => [t.table, new Set<string>()]));
  for (const r of refs) deps.get(r.from_table)?.add(r.to_table);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const visit = (table: string, path: string[]) => {
    if (placed.has(table)) return;
    if (path.includes(table)) throw new Error(`foreign keys form a cycle: ${[...path, table].join(' → ')}`);
    for (const d of [...(deps.get(table) ?? [])].sort()) visit(d, [...path, table]);
    placed.add(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t.table, []);
  const global = new Set(tables.filter((t) => t.comment === 'scope: global').map((t) => t.table));
  return [
    ...ordered.filter((t) => global.has(t)).map((t) => `SELECT create_reference_table('${t}');`),
    ...ordered
      .filter((t) => !global.has(t))
      .map((t) =>
        t === 'tenant'
          ? `SELECT create_distributed_table('tenant', 'tenant_id');`
          : `SELECT create_distributed_table('${t}', 'tenant_id', colocate_with => 'tenant');`,
      ),
  ];
}
