import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';

export const BATCH_ROWS = 1000;

/**
 * Bulk INSERT in batches of BATCH_ROWS rows: one statement per batch, each column sent as ONE array
 * parameter and turned back into rows by unnest(). Far fewer parameters than a multi-row VALUES list
 * (12 instead of 12,000 per batch), which is what makes it fast on PGlite. Column types come from
 * the catalogue, so callers pass plain values; array-typed columns (text[]) take JS arrays.
 */
export async function insertRows(
  tx: Db,
  table: string,
  columns: readonly string[],
  values: readonly (readonly unknown[])[],
  onBatch?: (done: number) => void,
): Promise<number> {
  const types = await columnTypes(tx, table, columns);
  const select = columns.map((c, i) => (types[i]?.endsWith('[]') ? `"${c}"::${types[i]}` : `"${c}"`)).join(', ');
  for (let i = 0; i < values.length; i += BATCH_ROWS) {
    const batch = values.slice(i, i + BATCH_ROWS);
    const arrays = columns.map((_, c) => {
      const type = types[c] as string;
      // An array-typed column travels as text (its literal) inside a text[] and is cast back per row.
      const paramType = type.endsWith('[]') ? 'text[]' : `${type}[]`;
      const literal = arrayLiteral(batch.map((row) => (type.endsWith('[]') ? nullable(row[c], arrayLiteral) : row[c])));
      return sql`${literal}::${sql.raw(paramType)}`;
    });
    await tx.execute(
      sql`INSERT INTO ${sql.raw(table)} (${sql.raw(columns.map((c) => `"${c}"`).join(', '))})
        SELECT ${sql.raw(select)} FROM unnest(${sql.join(arrays, sql`, `)}) AS v (${sql.raw(columns.map((c) => `"${c}"`).join(', '))})`,
    );
    onBatch?.(Math.min(i + BATCH_ROWS, values.length));
  }
  return values.length;
}

async function columnTypes(tx: Db, table: string, columns: readonly string[]): Promise<string[]> {
  const found = await rows<{ name: string; type: string }>(
    tx,
    sql`SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped`,
  );
  const byName = new Map(found.map((f) => [f.name, f.type]));
  return columns.map((c) => {
    const type = byName.get(c);
    if (!type) throw new Error(`column ${table}.${c} does not exist`);
    return type;
  });
}

function nullable<T>(value: unknown, fn: (v: T) => string): string | null {
  return value === null || value === undefined ? null : fn(value as T);
}

/** PostgreSQL array literal: {"a","b",NULL}; every element quoted, backslash and quote escaped. */
export function arrayLiteral(items: readonly unknown[]): string {
  const parts = items.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${parts.join(',')}}`;
}

/**
 * Runs a large insert with the table's GiST/GIN indexes dropped and rebuilds them afterwards, in the
 * caller's transaction. Building a GiST index on ltree once is much cheaper than growing it row by
 * row (its signatures saturate and every insert gets slower). The definitions are read from the
 * catalogue, so the rebuilt indexes are exactly the migrated ones.
 */
export async function withIndexesDeferred<T>(tx: Db, table: string, methods: readonly string[], fn: () => Promise<T>): Promise<T> {
  const indexes = await rows<{ name: string; definition: string }>(
    tx,
    sql`SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
        WHERE x.indrelid = ${table}::regclass AND am.amname = ANY(${arrayLiteral(methods)}::text[])
          AND NOT x.indisunique AND NOT x.indisprimary`,
  );
  for (const ix of indexes) await tx.execute(sql.raw(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`));
  const result = await fn();
  for (const ix of indexes) await tx.execute(sql.raw(ix.definition));
  return result;
}

/**
 * Runs a bulk load with the statement triggers named `<prefix>…` of the given tables disabled, in
 * the caller's transaction (a failure or a crash leaves them enabled: the ALTERs roll back with the
 * rows). The caller recomputes what the triggers maintain once afterwards (the demo load calls
 * territory_rollup_rebuild), instead of per statement while the tables grow.
 */
export async function withTriggersDisabled<T>(tx: Db, tables: readonly string[], prefix: string, fn: () => Promise<T>): Promise<T> {
  const triggers = await rows<{ table: string; name: string }>(
    tx,
    sql`SELECT c.relname AS table, t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relname = ANY(${arrayLiteral(tables)}::text[]) AND c.relnamespace = current_schema()::regnamespace
          AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND starts_with(t.tgname, ${prefix})`,
  );
  const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
  for (const t of triggers) await tx.execute(sql.raw(`ALTER TABLE ${quote(t.table)} DISABLE TRIGGER ${quote(t.name)}`));
  const result = await fn();
  for (const t of triggers) await tx.execute(sql.raw(`ALTER TABLE ${quote(t.table)} ENABLE TRIGGER ${quote(t.name)}`));
  return result;
}
