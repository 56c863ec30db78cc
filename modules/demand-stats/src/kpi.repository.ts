import { type Db, one, rows } from '@linli/db';
import { demandChannels, demandLabelsZh, type HandlingLevel, handlingLevels } from '@linli/demands';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { Kpis } from './kpi.contract.ts';
import type { KpiGrouping } from './vocabulary.ts';

/**
 * The KPIs of a territory subtree over a period, in one SQL aggregation over the demand rows.
 *
 * Cohort: demands located in the subtree (node_path <@ root), submitted from the first day 00:00
 * to the day after the last day 00:00 (Asia/Shanghai), duplicates (merged) left out; optionally
 * only one category and its subcategories.
 * - response rate (响应率) = responded by the response deadline ÷ responses due (responded, or the
 *   deadline has passed at `asOf`); accepting or rejecting is the response.
 * - resolution rate (解决率) = resolved ÷ accepted (accepted = neither still submitted nor rejected);
 *   a reopened demand counts again only once it is resolved again.
 * - completion rate (办结率) = closed (销号) ÷ accepted.
 * - on-time rate = resolved by the resolution deadline (after approved extensions) ÷ resolved.
 * - satisfaction rate (满意率) = (satisfied + basically satisfied) ÷ evaluated.
 * - average handling time = mean hours from submission to resolution of the resolved.
 * - share resolved at each level (小事不出小区、大事不出社区) = resolved at the level ÷ resolved.
 * - callback coverage (回访率) = resolved with at least one staff callback ÷ resolved.
 * Rates are null when their denominator is 0, and rounded to 4 decimals.
 *
 * Breakdowns compute the total and every group in the same statement (GROUP BY ROLLUP), so the
 * groups always add up to the total. Rankings group the cohort by its handling unit at one level.
 */
export { type KpiGrouping, kpiGroupings } from './vocabulary.ts';

export interface KpiScope {
  tenantId: string;
  root: { id: string; path: string };
  /** First and last day (YYYY-MM-DD, Asia/Shanghai), both included. */
  from: string;
  to: string;
  /** Only this category and its subcategories. */
  categoryId?: string;
  /** When a response counts as due (default: now). */
  asOf?: Date;
}

export interface KpiGroupResult {
  key: string;
  label: string;
  kpis: Kpis;
  /** By month only: true on the month still under way at `asOf` (Shanghai), whose figures are month to date. */
  partial?: boolean;
}

export interface KpiBreakdownResult {
  kpis: Kpis;
  groups: KpiGroupResult[];
}

export interface RankedUnit {
  unitId: string;
  unitName: string;
  level: HandlingLevel;
  /** Resolved demands of the unit in the cohort: the base of its on-time rate and handling time. */
  sample: number;
  kpis: Kpis;
  /** 1, 2, … among the units with sample ≥ minSample; null below it. */
  rank: number | null;
}

type CountRow = Record<string, number | string | boolean | null>;

const DAY = 86_400_000;
const shanghaiStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const shanghaiEnd = (day: string) => new Date(shanghaiStart(day).getTime() + DAY);

/**
 * Partial sums of a group, in this order, from demand rows `d`. A response counts as due when it
 * was given or its deadline passed by `asOf` (responded + unresponded_due).
 */
function rawSums(asOf: Date): SQL {
  return sql`count(*) AS submitted,
    count(*) FILTER (WHERE d.status NOT IN ('submitted', 'rejected')) AS accepted,
    count(*) FILTER (WHERE d.responded_at IS NOT NULL) AS responded,
    count(*) FILTER (WHERE d.responded_at IS NULL AND d.response_due_at <= ${asOf.toISOString()}::timestamptz) AS unresponded_due,
    count(*) FILTER (WHERE d.responded_at <= d.response_due_at) AS responded_on_time,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL) AS resolved,
    count(*) FILTER (WHERE d.status = 'closed') AS closed,
    count(*) FILTER (WHERE d.resolved_at <= d.resolve_due_at) AS resolved_on_time,
    count(*) FILTER (WHERE d.satisfaction IS NOT NULL) AS evaluated,
    count(*) FILTER (WHERE d.satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied,
    coalesce(sum(extract(epoch FROM d.resolved_at - d.submitted_at)), 0)::float8 AS handling_seconds,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'compound') AS at_compound,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'community') AS at_community,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'subdistrict') AS at_subdistrict,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND d.level = 'department') AS at_department,
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM demand_callback cb WHERE cb.tenant_id = d.tenant_id AND cb.demand_id = d.id AND cb.has_outcome)) AS callback_covered`;
}

/** The same partial sums from rollup rows `r` (demand_kpi_month, migration 0009). */
const rollupSums = sql`sum(r.submitted) AS submitted, sum(r.accepted) AS accepted, sum(r.responded) AS responded,
  0 AS unresponded_due, sum(r.responded_on_time) AS responded_on_time, sum(r.resolved) AS resolved, sum(r.closed) AS closed,
  sum(r.resolved_on_time) AS resolved_on_time, sum(r.evaluated) AS evaluated, sum(r.satisfied) AS satisfied,
  sum(r.handling_seconds)::float8 AS handling_seconds,
  coalesce(sum(r.resolved) FILTER (WHERE r.level = 'compound'), 0) AS at_compound,
  coalesce(sum(r.resolved) FILTER (WHERE r.level = 'community'), 0) AS at_community,
  coalesce(sum(r.resolved) FILTER (WHERE r.level = 'subdistrict'), 0) AS at_subdistrict,
  coalesce(sum(r.resolved) FILTER (WHERE r.level = 'department'), 0) AS at_department,
  sum(r.callback_covered) AS callback_covered`;

/** The counts every KPI is computed from, over the partial sums `s`. */
const finalColumns = sql`sum(s.submitted)::int AS submitted, sum(s.accepted)::int AS accepted,
  (sum(s.responded) + sum(s.unresponded_due))::int AS response_due, sum(s.responded_on_time)::int AS responded_on_time,
  sum(s.resolved)::int AS resolved, sum(s.closed)::int AS closed, sum(s.resolved_on_time)::int AS resolved_on_time,
  sum(s.evaluated)::int AS evaluated, sum(s.satisfied)::int AS satisfied,
  round((sum(s.handling_seconds) / nullif(sum(s.resolved), 0) / 3600)::numeric, 1) AS avg_hours,
  sum(s.at_compound)::int AS at_compound, sum(s.at_community)::int AS at_community,
  sum(s.at_subdistrict)::int AS at_subdistrict, sum(s.at_department)::int AS at_department,
  sum(s.callback_covered)::int AS callback_covered`;

type Rollup = 'place' | 'category';

const NIL_UNIT = '00000000-0000-0000-0000-000000000000';

interface PeriodPlan {
  /** Whole months (YYYY-MM, first and last) read from the rollup. */
  months: [string, string] | null;
  /** Day ranges (inclusive) read from the demand rows. */
  days: [string, string][];
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Whole months of the period from the rollup, the partial months at its edges from the rows. */
export function planPeriod(from: string, to: string): PeriodPlan {
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : addDays(`${lastDayOfMonth(from.slice(0, 7))}`, 1).slice(0, 7);
  const lastMonth = to === lastDayOfMonth(to.slice(0, 7)) ? to.slice(0, 7) : addDays(`${to.slice(0, 7)}-01`, -1).slice(0, 7);
  if (firstMonth > lastMonth) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${firstMonth}-01`) days.push([from, addDays(`${firstMonth}-01`, -1)]);
  if (to > lastDayOfMonth(lastMonth)) days.push([addDays(lastDayOfMonth(lastMonth), 1), to]);
  return { months: [firstMonth, lastMonth], days };
}

const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);

function toKpis(r: CountRow | undefined, nodeId: string, from: string, to: string): Kpis {
  const n = (k: string) => Number(r?.[k] ?? 0);
  const resolved = n('resolved');
  const avg = r?.avg_hours;
  return {
    nodeId,
    from,
    to,
    submitted: n('submitted'),
    accepted: n('accepted'),
    responseDue: n('response_due'),
    respondedOnTime: n('responded_on_time'),
    responseRate: rate(n('responded_on_time'), n('response_due')),
    resolved,
    resolutionRate: rate(resolved, n('accepted')),
    closed: n('closed'),
    completionRate: rate(n('closed'), n('accepted')),
    resolvedOnTime: n('resolved_on_time'),
    onTimeRate: rate(n('resolved_on_time'), resolved),
    evaluated: n('evaluated'),
    satisfiedOrBasically: n('satisfied'),
    satisfactionRate: rate(n('satisfied'), n('evaluated')),
    averageHandlingHours: avg === null || avg === undefined ? null : Number(avg),
    resolvedByLevel: {
      compound: rate(n('at_compound'), resolved),
      community: rate(n('at_community'), resolved),
      subdistrict: rate(n('at_subdistrict'), resolved),
      department: rate(n('at_department'), resolved),
    },
    callbackCovered: n('callback_covered'),
    callbackCoverage: rate(n('callback_covered'), resolved),
  };
}

/** Calendar months (YYYY-MM) touched by the period. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export interface KpiOptions {
  /** Read whole months from the rollup where it can answer (default true); false: always the demand rows. */
  rollup?: boolean;
}

export class KpiRepository {
  private readonly useRollup: boolean;

  constructor(
    private readonly db: Db,
    options: KpiOptions = {},
  ) {
    this.useRollup = options.rollup ?? true;
  }

  async forSubtree(tenantId: string, root: { id: string; path: string }, from: string, to: string, asOf = new Date()): Promise<Kpis> {
    return (await this.breakdown({ tenantId, root, from, to, asOf }, 'none')).kpis;
  }

  /** Conditions of the cohort on rows `d`, submitted within the days [from, to]. */
  private cohort(scope: KpiScope, [from, to]: [string, string] = [scope.from, scope.to]): SQL {
    const parts = [
      sql`d.tenant_id = ${scope.tenantId}`,
      sql`d.node_path <@ ${scope.root.path}::ltree`,
      sql`d.status <> 'merged'`,
      sql`d.submitted_at >= ${shanghaiStart(from).toISOString()}::timestamptz`,
      sql`d.submitted_at < ${shanghaiEnd(to).toISOString()}::timestamptz`,
    ];
    return sql`${sql.join(parts, sql` AND `)}${this.categoryFilter(scope, sql`d.category_id`)}`;
  }

  /** ` AND column IN (the category and its subcategories)`, when the scope names a category. */
  private categoryFilter(scope: KpiScope, column: SQL): SQL {
    if (!scope.categoryId) return sql``;
    return sql` AND ${column} IN (SELECT s.id FROM demand_category s, demand_category p
      WHERE p.tenant_id = ${scope.tenantId} AND p.id = ${scope.categoryId}::uuid AND s.tenant_id = p.tenant_id AND s.path <@ p.path)`;
  }

  /** The KPIs of the cohort and of each group of `groupBy`; every candidate group is listed, with zeros when it has no demands. */
  async breakdown(scope: KpiScope, groupBy: KpiGrouping): Promise<KpiBreakdownResult> {
    const { from, to, root } = scope;
    // The month (YYYY-MM, Shanghai) under way at asOf: its figures are month to date, not a whole month.
    const currentMonth = new Date((scope.asOf ?? new Date()).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const candidates = await this.candidates(scope, groupBy);
    const result = await rows<CountRow & { is_total: boolean; key: string | null }>(
      this.db,
      // By category the parts are summed per leaf category first (a few dozen rows), then mapped to
      // their group here: a join inside the parts lets the planner loop over the rollup once per category.
      groupBy === 'category'
        ? sql`SELECT grouping(s.g) = 1 AS is_total, s.g AS key, ${finalColumns}
            FROM (SELECT p.*, ${this.keyOf(scope, 'category', 'd')} AS g
                  FROM (${this.partialSums(scope, groupBy, this.rollupFor(scope, groupBy))}) p
                  JOIN demand_category c ON c.tenant_id = ${scope.tenantId} AND c.id = p.k::uuid) s
            GROUP BY ROLLUP (s.g)`
        : sql`SELECT grouping(s.k) = 1 AS is_total, s.k AS key, ${finalColumns}
            FROM (${this.partialSums(scope, groupBy, this.rollupFor(scope, groupBy))}) s
            GROUP BY ROLLUP (s.k)`,
    );
    const total = result.find((r) => r.is_total);
    const byKey = new Map(result.filter((r) => !r.is_total).map((r) => [r.key ?? '', r]));
    const groups: KpiGroupResult[] = candidates.map((c) => {
      const groupFrom = groupBy === 'month' && `${c.key}-01` > from ? `${c.key}-01` : from;
      const groupTo = groupBy === 'month' && lastDayOfMonth(c.key) < to ? lastDayOfMonth(c.key) : to;
      const kpis = toKpis(byKey.get(c.key), groupBy === 'child' ? c.key : root.id, groupFrom, groupTo);
      return groupBy === 'month'
        ? { key: c.key, label: c.label, kpis, partial: c.key === currentMonth }
        : { key: c.key, label: c.label, kpis };
    });
    // Demands on the root node itself (not inside any child) are shown as their own group.
    const own = byKey.get('');
    if (groupBy === 'child' && own) groups.push({ key: root.id, label: '本级', kpis: toKpis(own, root.id, from, to) });
    return { kpis: toKpis(total, root.id, from, to), groups };
  }

  /**
   * Which rollup holds the groups asked for: demand_kpi_category_month (a county or subdistrict,
   * any category and channel), else demand_kpi_month (places down to a compound, handling units, no
   * category), else none.
   */
  private rollupFor(scope: KpiScope, groupBy: KpiGrouping | 'unit'): Rollup | null {
    if (!this.useRollup) return null;
    const depth = scope.root.path.split('.').length;
    // A county or subdistrict has fewer rows in the per-subdistrict table, so it goes there when it can.
    const byCategory = groupBy === 'child' ? depth <= 1 : ['none', 'month', 'level', 'category', 'channel'].includes(groupBy);
    if (depth <= 2 && byCategory) return 'category';
    const byPlace = groupBy === 'child' ? depth <= 3 : ['none', 'month', 'level', 'unit'].includes(groupBy);
    return !scope.categoryId && depth <= 4 && byPlace ? 'place' : null;
  }

  /**
   * Partial sums per group key `k` (UNION ALL): from the rollup for whole months when it can answer,
   * plus the open responses past their deadline of those months (partial index demand_unresponded);
   * from the demand rows for the rest of the period.
   */
  private partialSums(scope: KpiScope, groupBy: KpiGrouping | 'unit', rollup: Rollup | null, level?: HandlingLevel): SQL {
    const asOf = scope.asOf ?? new Date();
    const plan: PeriodPlan = rollup ? planPeriod(scope.from, scope.to) : { months: null, days: [[scope.from, scope.to]] };
    const unitColumn = level === 'department' ? sql`d.handling_department_id` : sql`d.handling_node_id`;
    const rowFilter = groupBy === 'unit' ? sql` AND d.level = ${level} AND ${unitColumn} IS NOT NULL` : sql``;
    const rowKey =
      groupBy === 'unit' ? sql`${unitColumn}::text` : groupBy === 'category' ? sql`d.category_id::text` : this.keyOf(scope, groupBy, 'd');
    const parts = plan.days.map(
      (range) => sql`SELECT ${rowKey} AS k, ${rawSums(asOf)} FROM demand d WHERE ${this.cohort(scope, range)}${rowFilter} GROUP BY 1`,
    );
    if (plan.months && rollup) {
      const [first, last] = plan.months;
      const rollupKey =
        groupBy === 'unit' ? sql`r.unit_id::text` : groupBy === 'category' ? sql`r.category_id::text` : this.keyOf(scope, groupBy, rollup);
      const rollupFilter = groupBy === 'unit' ? sql` AND r.level = ${level} AND r.unit_id <> ${NIL_UNIT}::uuid` : sql``;
      // Months as a list and the subtree as a key range as well as `<@`: the primary key (tenant, month,
      // path, …) is then searched once per month within the subtree instead of read for the whole county.
      // Labels are 32 hex digits, so every path below the root sorts between root and root.g.
      const monthList = `{${monthsOf(`${first}-01`, `${last}-01`)
        .map((m) => `${m}-01`)
        .join(',')}}`;
      const months = sql`r.tenant_id = ${scope.tenantId} AND r.month = ANY(${monthList}::date[])`;
      const within = (column: SQL) =>
        sql`${column} <@ ${scope.root.path}::ltree AND ${column} >= ${scope.root.path}::ltree AND ${column} < ${`${scope.root.path}.g`}::ltree`;
      parts.push(
        rollup === 'place'
          ? sql`SELECT ${rollupKey} AS k, ${rollupSums} FROM demand_kpi_month r
              WHERE ${months} AND ${within(sql`r.place_path`)}${rollupFilter}
              GROUP BY 1`
          : sql`SELECT ${rollupKey} AS k, ${rollupSums} FROM demand_kpi_category_month r
              WHERE ${months} AND ${within(sql`r.area_path`)}${this.categoryFilter(scope, sql`r.category_id`)}
              GROUP BY 1`,
      );
      parts.push(sql`SELECT ${rowKey} AS k, 0, 0, 0, count(*), 0, 0, 0, 0, 0, 0, 0::float8, 0, 0, 0, 0, 0
        FROM demand d
        WHERE ${this.cohort(scope, [`${first}-01`, lastDayOfMonth(last)])}${rowFilter}
          AND d.responded_at IS NULL AND d.response_due_at <= ${asOf.toISOString()}::timestamptz
        GROUP BY 1`);
    }
    return sql.join(parts, sql` UNION ALL `);
  }

  /** The group key (text) of a demand row `d` or rollup row `r`: '' for a demand on the root node itself when grouping by child. */
  private keyOf(scope: KpiScope, groupBy: KpiGrouping, from: 'd' | Rollup): SQL {
    const path = from === 'd' ? sql`d.node_path` : from === 'place' ? sql`r.place_path` : sql`r.area_path`;
    switch (groupBy) {
      case 'child':
        return sql`coalesce(CASE WHEN nlevel(${path}) > nlevel(${scope.root.path}::ltree)
          THEN ltree2text(subpath(${path}, nlevel(${scope.root.path}::ltree), 1))::uuid::text END, '')`;
      case 'category':
        // Top categories, or the subcategories of the filtered category.
        return scope.categoryId
          ? sql`(SELECT g.id::text FROM demand_category g, demand_category p WHERE p.tenant_id = ${scope.tenantId} AND p.id = ${scope.categoryId}::uuid
                 AND g.tenant_id = p.tenant_id AND g.path = subpath(c.path, 0, least(nlevel(c.path), nlevel(p.path) + 1)))`
          : sql`ltree2text(subpath(c.path, 0, 1))::uuid::text`;
      case 'month':
        return from === 'd' ? sql`to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')` : sql`to_char(r.month, 'YYYY-MM')`;
      case 'level':
        return from === 'd' ? sql`d.level` : sql`r.level`;
      case 'channel':
        return from === 'd' ? sql`d.channel` : sql`r.channel`;
      default:
        return sql`''`;
    }
  }

  private async candidates(scope: KpiScope, groupBy: KpiGrouping): Promise<{ key: string; label: string }[]> {
    switch (groupBy) {
      case 'child':
        return rows<{ key: string; label: string }>(
          this.db,
          sql`SELECT id::text AS key, name AS label FROM ${territorySql.nodes('tn')}
              WHERE tenant_id = ${scope.tenantId} AND parent_id = ${scope.root.id}::uuid ORDER BY sort_order, code NULLS LAST, name`,
        );
      case 'category':
        return scope.categoryId
          ? rows(
              this.db,
              sql`SELECT c.id::text AS key, c.name AS label FROM demand_category c
                  WHERE c.tenant_id = ${scope.tenantId} AND (c.parent_id = ${scope.categoryId}::uuid
                    OR (c.id = ${scope.categoryId}::uuid AND NOT EXISTS (SELECT 1 FROM demand_category s WHERE s.tenant_id = c.tenant_id AND s.parent_id = c.id)))
                  ORDER BY c.sort_order, c.code`,
            )
          : rows(
              this.db,
              sql`SELECT id::text AS key, name AS label FROM demand_category WHERE tenant_id = ${scope.tenantId} AND parent_id IS NULL
                  ORDER BY sort_order, code`,
            );
      case 'month':
        return monthsOf(scope.from, scope.to).map((m) => ({ key: m, label: `${m.slice(0, 4)}年${Number(m.slice(5))}月` }));
      case 'level':
        return handlingLevels.map((l) => ({ key: l, label: demandLabelsZh.levels[l] }));
      case 'channel':
        return demandChannels.map((c) => ({ key: c, label: demandLabelsZh.channels[c] }));
      default:
        return [];
    }
  }

  /**
   * Handling units at `level` ranked by columns the dashboard shows: on-time rate (high first), then
   * satisfaction rate, then more resolved demands (the sample), then name; a null rate sorts last.
   * Nothing the table does not show (such as the handling time) decides the order. Units with fewer than `minSample` resolved demands in the cohort are listed
   * after the ranked ones with rank null, so one fast case cannot top the table. Units: the nodes
   * of that kind inside the subtree (or the county's departments), with or without demands, plus
   * any other unit the cohort was dispatched to.
   */
  async rankings(scope: KpiScope, level: HandlingLevel, minSample: number): Promise<RankedUnit[]> {
    const counted = await rows<CountRow & { unit_id: string }>(
      this.db,
      sql`SELECT s.k AS unit_id, ${finalColumns} FROM (${this.partialSums(scope, 'unit', this.rollupFor(scope, 'unit'), level)}) s
          GROUP BY s.k`,
    );
    const ids = counted.map((c) => c.unit_id);
    const units = await rows<{ id: string; name: string }>(
      this.db,
      level === 'department'
        ? sql`SELECT id::text, name FROM department WHERE tenant_id = ${scope.tenantId}
              AND (active OR id::text = ANY(${`{${ids.join(',')}}`}::text[]))`
        : sql`SELECT id::text, name FROM ${territorySql.nodes('tn')} WHERE tenant_id = ${scope.tenantId}
              AND ((kind = ${level} AND path <@ ${scope.root.path}::ltree) OR id::text = ANY(${`{${ids.join(',')}}`}::text[]))`,
    );
    const byUnit = new Map(counted.map((c) => [c.unit_id, c]));
    const list = units.map((u) => {
      const kpis = toKpis(byUnit.get(u.id), scope.root.id, scope.from, scope.to);
      return { unitId: u.id, unitName: u.name, level, sample: kpis.resolved, kpis, rank: null as number | null };
    });
    const desc = (a: number | null, b: number | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : b - a);
    list.sort(
      (a, b) =>
        Number(b.sample >= minSample) - Number(a.sample >= minSample) ||
        desc(a.kpis.onTimeRate, b.kpis.onTimeRate) ||
        desc(a.kpis.satisfactionRate, b.kpis.satisfactionRate) ||
        b.sample - a.sample ||
        a.unitName.localeCompare(b.unitName, 'zh-CN'),
    );
    let rank = 0;
    for (const u of list) if (u.sample >= minSample) u.rank = ++rank;
    return list;
  }

  /** The category, if it belongs to the tenant. */
  async findCategory(tenantId: string, id: string): Promise<{ id: string; name: string } | undefined> {
    return one(this.db, sql`SELECT id::text, name FROM demand_category WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }
}
