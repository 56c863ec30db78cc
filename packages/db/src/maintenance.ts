import type { Database } from './database.ts';

/**
 * Table maintenance for embedded mode. PGlite runs PostgreSQL in one process without the
 * autovacuum launcher, so without this nothing ever runs ANALYZE or VACUUM there: the planner
 * keeps the statistics of an empty table after the demo or an import has filled it (a county-wide
 * hot-spot read took 20 s on the demo instead of well under one), and dead row versions of updated
 * demands are never reclaimed. This applies autovacuum's own rules (thresholds of 50 rows plus 10 %
 * of the table for ANALYZE and 20 % for VACUUM), one table at a time, so requests interleave.
 * PostgreSQL servers run their autovacuum and need none of it.
 */
export interface MaintenanceResult {
  analyzed: string[];
  vacuumed: string[];
}

export interface MaintenanceOptions {
  /** Rows changed since the last ANALYZE, beyond the base, as a share of the table (autovacuum: 0.1). */
  analyzeScale?: number;
  /** Dead rows, beyond the base, as a share of the table (autovacuum: 0.2). */
  vacuumScale?: number;
  /** Base threshold in rows (autovacuum: 50). */
  base?: number;
}

interface TableStats {
  name: string;
  reltuples: number;
  live: number;
  dead: number;
  changed: number;
}

export async function maintainTables(database: Database, options: MaintenanceOptions = {}): Promise<MaintenanceResult> {
  const base = options.base ?? 50;
  const analyzeScale = options.analyzeScale ?? 0.1;
  const vacuumScale = options.vacuumScale ?? 0.2;
  // Statistics of this backend's own writes reach the views only when flushed.
  await database.query('SELECT pg_stat_force_next_flush()');
  const tables = await database.query<TableStats>(
    `SELECT s.relname AS name, c.reltuples::float8 AS reltuples, s.n_live_tup::float8 AS live,
            s.n_dead_tup::float8 AS dead, s.n_mod_since_analyze::float8 AS changed
     FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
     WHERE s.schemaname = 'public' ORDER BY s.relname`,
  );
  const result: MaintenanceResult = { analyzed: [], vacuumed: [] };
  for (const t of tables) {
    // reltuples is -1 until the first ANALYZE; the live count stands in for it then.
    const size = t.reltuples >= 0 ? t.reltuples : t.live;
    const vacuum = t.dead > base + vacuumScale * size;
    const analyze = t.changed > base + analyzeScale * size;
    if (!vacuum && !analyze) continue;
    const name = `"${t.name.replace(/"/g, '""')}"`;
    await database.exec(vacuum ? `VACUUM (ANALYZE) ${name}` : `ANALYZE ${name}`);
    if (vacuum) result.vacuumed.push(t.name);
    result.analyzed.push(t.name);
  }
  return result;
}
