import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * The caller's territory scope inside the SQL: `(path <@ $1 OR path <@ $2 …)`. One `<@` per path
 * (rather than `<@ ANY(array)`) lets PostgreSQL use the GiST index on the path column. An empty
 * scope yields FALSE, so a query can never widen by accident.
 */
export function inScope(pathColumn: SQLWrapper, scope: string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${pathColumn} <@ ${p}::ltree`),
    sql` OR `,
  )})`;
}
