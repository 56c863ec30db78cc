import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * `column <@ ANY(ARRAY[...]::ltree[])` — the caller's territory scope inside the SQL. An empty
 * scope yields FALSE, so a query can never widen by accident.
 */
export function inScope(pathColumn: SQLWrapper, scope: string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`${pathColumn} <@ ARRAY[${sql.join(
    scope.map((p) => sql`${p}`),
    sql`, `,
  )}]::ltree[]`;
}
