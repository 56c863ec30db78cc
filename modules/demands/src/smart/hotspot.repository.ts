import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { MonthlyCount } from './hotspots.ts';

/** YYYY-MM plus `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month (Asia/Shanghai) of an instant. */
export function monthOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** First instant of a month in Asia/Shanghai. */
export function monthStart(month: string): Date {
  return new Date(`${month}-01T00:00:00+08:00`);
}

/** Depth of the places demand_place_month counts at: the compound (county.subdistrict.community.compound). */
const PLACE_MONTH_DEPTH = 4;

export interface MonthlyCountQuery {
  tenantId: string;
  /** The subtree counted. */
  rootPath: string;
  /** Path depth of the places counted (4: compounds, 3: communities); shallower demands count at their own node. */
  depth: number;
  /** First and last month, YYYY-MM, both included. */
  from: string;
  to: string;
  categoryId?: string;
}

/**
 * Demands per place, category and month in one aggregation. Duplicates (merged) and rejected
 * demands are left out: they are not separate problems. The place of a demand is its ancestor at
 * `depth` (the territory levels are fixed, so that is a subpath, not a walk up the tree).
 */
export class HotspotRepository {
  constructor(private readonly db: Db) {}

  async monthlyCounts(q: MonthlyCountQuery): Promise<(MonthlyCount & { categoryId: string })[]> {
    // Places down to a compound are sums of demand_place_month rows (migration 0023), kept by the
    // writes; a report on a subtree below a compound counts the demand rows.
    const counted =
      q.depth <= PLACE_MONTH_DEPTH
        ? sql`SELECT subpath(m.place_path, 0, least(nlevel(m.place_path), ${q.depth})) AS place, m.category_id, m.month,
                sum(m.demands)::int AS n
            FROM demand_place_month m
            WHERE m.tenant_id = ${q.tenantId} AND m.place_path <@ ${q.rootPath}::ltree
              AND m.month >= ${q.from} AND m.month <= ${q.to} AND m.demands <> 0
              ${q.categoryId ? sql`AND m.category_id = ${q.categoryId}::uuid` : sql``}
            GROUP BY 1, 2, 3 HAVING sum(m.demands) > 0`
        : sql`SELECT subpath(d.node_path, 0, least(nlevel(d.node_path), ${q.depth})) AS place, d.category_id,
                   to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
            FROM demand d
            WHERE d.tenant_id = ${q.tenantId} AND d.node_path <@ ${q.rootPath}::ltree AND d.status NOT IN ('merged', 'rejected')
              AND d.submitted_at >= ${monthStart(q.from).toISOString()}::timestamptz
              AND d.submitted_at < ${monthStart(addMonths(q.to, 1)).toISOString()}::timestamptz
              ${q.categoryId ? sql`AND d.category_id = ${q.categoryId}::uuid` : sql``}
            GROUP BY 1, 2, 3`;
    const list = await rows<{ node_id: string; node_name: string; category_id: string; category_name: string; month: string; n: number }>(
      this.db,
      // Each place is named once, found by primary key from the last label of its path (its id).
      sql`WITH counted AS (${counted}),
          places AS MATERIALIZED (
            SELECT pl.place, p.id, p.name FROM (SELECT DISTINCT place FROM counted) pl
            JOIN territory_node p ON p.tenant_id = ${q.tenantId} AND p.id = ltree2text(subpath(pl.place, nlevel(pl.place) - 1, 1))::uuid
              AND p.path = pl.place)
          SELECT places.id AS node_id, places.name AS node_name, c.id AS category_id, c.name AS category_name, counted.month, counted.n
          FROM counted
          JOIN places ON places.place = counted.place
          JOIN demand_category c ON c.tenant_id = ${q.tenantId} AND c.id = counted.category_id`,
    );
    return list.map((r) => ({
      territoryId: r.node_id,
      territoryName: r.node_name,
      category: r.category_id,
      categoryName: r.category_name,
      categoryId: r.category_id,
      month: r.month,
      count: r.n,
    }));
  }

  /** Existing themes of the month for the given places: `${nodeId}/${categoryId}` → theme id. */
  async themesOf(tenantId: string, month: string, nodeIds: string[]): Promise<Map<string, string>> {
    if (nodeIds.length === 0) return new Map();
    const list = await rows<{ id: string; node_id: string; category_id: string }>(
      this.db,
      sql`SELECT id, node_id, category_id FROM demand_theme
          WHERE tenant_id = ${tenantId} AND month = ${month}
            AND node_id IN (${sql.join(
              nodeIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
    );
    return new Map(list.map((r) => [`${r.node_id}/${r.category_id}`, r.id]));
  }
}
