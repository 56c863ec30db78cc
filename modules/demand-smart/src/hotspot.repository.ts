import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { MonthlyCount } from './hotspots.ts';

/** The node id an ltree label stands for (labels are ids without dashes). */
function uuidOfLabel(label: string): string {
  return `${label.slice(0, 8)}-${label.slice(8, 12)}-${label.slice(12, 16)}-${label.slice(16, 20)}-${label.slice(20)}`;
}

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
  /**
   * Only the series (place and category) with at least `atLeast` demands in `month`: the others
   * cannot be hot spots of that month (see candidateMinimum in ./hotspots.ts), and a county has
   * 10^5 series-months a year at 1,000,000 demands.
   */
  candidates?: { month: string; atLeast: number };
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
    const rollupPlace = sql`subpath(m.place_path, 0, least(nlevel(m.place_path), ${q.depth}))`;
    const category = (alias: SQL) => (q.categoryId ? sql`AND ${alias}.category_id = ${q.categoryId}::uuid` : sql``);
    const counted =
      q.depth <= PLACE_MONTH_DEPTH
        ? sql`SELECT ${rollupPlace} AS place, m.category_id, m.month, sum(m.demands)::int AS n
            FROM demand_place_month m
            WHERE m.tenant_id = ${q.tenantId} AND m.place_path <@ ${q.rootPath}::ltree
              AND m.month >= ${q.from} AND m.month <= ${q.to} AND m.demands <> 0 ${category(sql.raw('m'))}
              ${
                q.candidates
                  ? // As text: the planner hashes text, and compared each row with every candidate of its category on ltree.
                    sql`AND (${rollupPlace}::text, m.category_id) IN (
                      SELECT ${rollupPlace}::text, m.category_id FROM demand_place_month m
                      WHERE m.tenant_id = ${q.tenantId} AND m.month = ${q.candidates.month} AND m.place_path <@ ${q.rootPath}::ltree
                        ${category(sql.raw('m'))}
                      GROUP BY 1, 2 HAVING sum(m.demands) >= ${q.candidates.atLeast})`
                  : sql``
              }
            GROUP BY 1, 2, 3 HAVING sum(m.demands) > 0`
        : sql`SELECT subpath(d.node_path, 0, least(nlevel(d.node_path), ${q.depth})) AS place, d.category_id,
                   to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
            FROM demand d
            WHERE d.tenant_id = ${q.tenantId} AND d.node_path <@ ${q.rootPath}::ltree AND d.status NOT IN ('merged', 'rejected')
              AND d.submitted_at >= ${monthStart(q.from).toISOString()}::timestamptz
              AND d.submitted_at < ${monthStart(addMonths(q.to, 1)).toISOString()}::timestamptz
              ${category(sql.raw('d'))}
            GROUP BY 1, 2, 3`;
    let list = await rows<{ place: string; category_id: string; month: string; n: number }>(
      this.db,
      sql`SELECT counted.place::text AS place, counted.category_id, counted.month, counted.n FROM (${counted}) counted`,
    );
    const wanted = q.candidates;
    if (wanted) {
      // The same cut for the demand rows (a subtree below a compound: few rows).
      const inMonth = new Map<string, number>();
      for (const r of list) if (r.month === wanted.month) inMonth.set(`${r.place}/${r.category_id}`, r.n);
      list = list.filter((r) => (inMonth.get(`${r.place}/${r.category_id}`) ?? 0) >= wanted.atLeast);
    }
    // Places and categories are named in two look-ups by primary key (a place's id is the last label
    // of its path): joined in the statement, the planner's guess of the counted rows decided the
    // plan, and without fresh statistics it compared every counted row with every place (5 s).
    const placeIds = [...new Set(list.map((r) => r.place))].map((p) => ({ path: p, id: uuidOfLabel(p.slice(p.lastIndexOf('.') + 1)) }));
    const categoryIds = [...new Set(list.map((r) => r.category_id))];
    const places = new Map<string, { id: string; name: string }>();
    const categories = new Map<string, string>();
    if (placeIds.length > 0) {
      const found = await rows<{ id: string; name: string; path: string }>(
        this.db,
        sql`SELECT id, name, path::text AS path FROM ${territorySql.nodes('tn')}
            WHERE tenant_id = ${q.tenantId} AND id IN (${sql.join(
              placeIds.map((p) => sql`${p.id}::uuid`),
              sql`, `,
            )})`,
      );
      for (const p of found) places.set(p.path, { id: p.id, name: p.name });
    }
    if (categoryIds.length > 0) {
      const found = await rows<{ id: string; name: string }>(
        this.db,
        sql`SELECT id, name FROM demand_category WHERE tenant_id = ${q.tenantId} AND id IN (${sql.join(
          categoryIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
      for (const c of found) categories.set(c.id, c.name);
    }
    return list.flatMap((r) => {
      const place = places.get(r.place);
      const categoryName = categories.get(r.category_id);
      if (!place || categoryName === undefined) return [];
      return [
        {
          territoryId: place.id,
          territoryName: place.name,
          category: r.category_id,
          categoryName,
          categoryId: r.category_id,
          month: r.month,
          count: r.n,
        },
      ];
    });
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
