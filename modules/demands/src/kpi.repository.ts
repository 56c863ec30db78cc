import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Kpis } from './contract.ts';

/**
 * The KPIs of a territory subtree over a period, in one SQL aggregation over the demand rows.
 *
 * Cohort: demands located in the subtree (node_path <@ root), submitted from the first day 00:00
 * to the day after the last day 00:00 (Asia/Shanghai), duplicates (merged) left out.
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
 */
export class KpiRepository {
  constructor(private readonly db: Db) {}

  async forSubtree(tenantId: string, root: { id: string; path: string }, from: string, to: string, asOf = new Date()): Promise<Kpis> {
    const start = new Date(`${from}T00:00:00+08:00`);
    const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
    const r = await one<Record<string, number | null>>(
      this.db,
      sql`WITH cohort AS (
            SELECT d.*, EXISTS (SELECT 1 FROM demand_callback cb WHERE cb.tenant_id = d.tenant_id AND cb.demand_id = d.id) AS has_callback
            FROM demand d
            WHERE d.tenant_id = ${tenantId} AND d.node_path <@ ${root.path}::ltree AND d.status <> 'merged'
              AND d.submitted_at >= ${start.toISOString()}::timestamptz AND d.submitted_at < ${end.toISOString()}::timestamptz
          ), counts AS (
            SELECT count(*)::int AS submitted,
              count(*) FILTER (WHERE status NOT IN ('submitted', 'rejected'))::int AS accepted,
              count(*) FILTER (WHERE responded_at IS NOT NULL OR response_due_at <= ${asOf.toISOString()}::timestamptz)::int AS response_due,
              count(*) FILTER (WHERE responded_at <= response_due_at)::int AS responded_on_time,
              count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
              count(*) FILTER (WHERE status = 'closed')::int AS closed,
              count(*) FILTER (WHERE resolved_at <= resolve_due_at)::int AS resolved_on_time,
              count(*) FILTER (WHERE satisfaction IS NOT NULL)::int AS evaluated,
              count(*) FILTER (WHERE satisfaction IN ('satisfied', 'basically_satisfied'))::int AS satisfied,
              round((avg(extract(epoch FROM resolved_at - submitted_at)) FILTER (WHERE resolved_at IS NOT NULL) / 3600)::numeric, 1) AS avg_hours,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND level = 'compound')::int AS at_compound,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND level = 'community')::int AS at_community,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND level = 'subdistrict')::int AS at_subdistrict,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND level = 'department')::int AS at_department,
              count(*) FILTER (WHERE resolved_at IS NOT NULL AND has_callback)::int AS callback_covered
            FROM cohort
          )
          SELECT * FROM counts`,
    );
    const n = (k: string) => Number(r?.[k] ?? 0);
    const rate = (num: number, den: number) => (den === 0 ? null : Math.round((num / den) * 10_000) / 10_000);
    const resolved = n('resolved');
    return {
      nodeId: root.id,
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
      averageHandlingHours: r?.avg_hours === null || r?.avg_hours === undefined ? null : Number(r.avg_hours),
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
}
