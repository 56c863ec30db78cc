import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territory } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';

export interface KpiPeriod {
  /** Shanghai days, both included; absent: from the first topic, up to now. */
  from?: string;
  to?: string;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The pool's own figures of a place and period (the meetings and resolutions modules add theirs). */
export interface TopicFigures {
  topicsDeliberated: number;
  topicsCollected: number;
  topicsAdmitted: number;
  topicsExcluded: number;
  topicsDecided: number;
  topicsResolved: number;
  redProjects: number;
  completionRate: number | null;
  satisfactionRate: number | null;
  averageDaysToDecision: number | null;
  stations: number;
  /** Stations in service by kind code (station, pavilion, party_station …). */
  stationsByKind: Record<string, number>;
  byLevel: Record<string, number>;
  byStatus: Record<string, number>;
  /** Topics collected and resolved per Shanghai month (YYYY-MM). */
  byMonth: { month: string; topicsCollected: number; topicsResolved: number }[];
}

/**
 * The figures of the pool's own records over a period and a subtree, from the pool's own records: topics
 * collected (submitted, merged duplicates not counted), admitted and excluded at screening, decided,
 * deliberated (a council meeting on the topic), resolved; the completion rate (adopted topics
 * decided in the period that were carried through) and satisfaction (mean of evaluated topics
 * resolved in the period), and days from topic to decision.
 */
export class KpiRepository {
  constructor(private readonly db: Db) {}

  async kpis(tenantId: string, scope: string[], nodeId: string | undefined, period: KpiPeriod): Promise<TopicFigures> {
    const place: SQL[] = [sql`t.tenant_id = ${tenantId}`, inScope(sql`t.node_path`, scope)];
    // The place's path looked up first and written into the statements: behind a subquery the planner
    // cannot see how much of the county it is, and at county scale (20,000 topics) chose nested loops
    // over the events (bench/deliberation.ts measured this statement at half of the KPIs' time).
    const under = nodeId ? ((await territory.node(this.db, tenantId, nodeId))?.path ?? null) : undefined;
    const inPlace = (column: SQL) => (under === undefined ? sql`true` : under === null ? sql`false` : sql`${column} <@ ${under}::ltree`);
    place.push(inPlace(sql`t.node_path`));
    const where = sql.join(place, sql` AND `);
    const within = (column: SQL) => {
      const c: SQL[] = [];
      if (period.from) c.push(sql`${column} >= (${period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
      if (period.to) c.push(sql`${column} < ((${period.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`);
      return c.length ? sql.join(c, sql` AND `) : sql`true`;
    };
    const counts = await one<Record<string, number | string | null>>(
      this.db,
      sql`SELECT
          count(*) FILTER (WHERE t.status <> 'merged' AND ${within(sql`t.submitted_at`)})::int AS collected,
          count(*) FILTER (WHERE t.decided_at IS NOT NULL AND ${within(sql`t.decided_at`)})::int AS decided,
          count(*) FILTER (WHERE t.resolved_at IS NOT NULL AND ${within(sql`t.resolved_at`)})::int AS resolved,
          count(*) FILTER (WHERE t.decided_at IS NOT NULL AND ${within(sql`t.decided_at`)} AND t.status IN
            ('adopted', 'implementing', 'completed', 'evaluated', 'published', 'closed') AND (t.status <> 'closed' OR t.resolved_at IS NOT NULL))::int AS adopted,
          count(*) FILTER (WHERE t.decided_at IS NOT NULL AND ${within(sql`t.decided_at`)} AND t.resolved_at IS NOT NULL)::int AS adopted_resolved,
          avg(t.satisfaction) FILTER (WHERE t.satisfaction IS NOT NULL AND ${within(sql`t.resolved_at`)})::float8 AS satisfaction,
          avg(extract(epoch FROM t.decided_at - t.submitted_at) / 86400) FILTER (WHERE t.decided_at IS NOT NULL AND ${within(sql`t.decided_at`)})::float8 AS days,
          count(*) FILTER (WHERE t.status <> 'merged' AND t.level = 'compound' AND ${within(sql`t.submitted_at`)})::int AS compound,
          count(*) FILTER (WHERE t.status <> 'merged' AND t.level = 'community' AND ${within(sql`t.submitted_at`)})::int AS community,
          count(*) FILTER (WHERE t.status <> 'merged' AND t.level = 'subdistrict' AND ${within(sql`t.submitted_at`)})::int AS subdistrict,
          count(*) FILTER (WHERE t.status <> 'merged' AND t.red_project AND ${within(sql`t.submitted_at`)})::int AS red
        FROM deliberation_topic t WHERE ${where}`,
    );
    const events = await rows<{ action: string; to: string; n: number }>(
      this.db,
      sql`SELECT e.action, e.to_status AS to, count(DISTINCT e.topic_id)::int AS n
          FROM deliberation_topic_event e JOIN deliberation_topic t ON t.tenant_id = e.tenant_id AND t.id = e.topic_id
          WHERE ${where} AND e.action IN ('screen', 'deliberate') AND ${within(sql`e.at`)}
          GROUP BY e.action, e.to_status`,
    );
    const states = await rows<{ status: string; n: number }>(
      this.db,
      sql`SELECT t.status, count(*)::int AS n FROM deliberation_topic t
          WHERE ${where} AND t.status <> 'merged' AND ${within(sql`t.submitted_at`)} GROUP BY t.status`,
    );
    const month = (column: SQL) => sql`to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`;
    const months = await rows<{ month: string; collected: number; resolved: number }>(
      this.db,
      sql`SELECT m.month, sum(m.collected)::int AS collected, sum(m.resolved)::int AS resolved FROM (
            SELECT ${month(sql`t.submitted_at`)} AS month, 1 AS collected, 0 AS resolved FROM deliberation_topic t
              WHERE ${where} AND t.status <> 'merged' AND ${within(sql`t.submitted_at`)}
            UNION ALL
            SELECT ${month(sql`t.resolved_at`)}, 0, 1 FROM deliberation_topic t
              WHERE ${where} AND t.resolved_at IS NOT NULL AND ${within(sql`t.resolved_at`)}) m
          GROUP BY m.month ORDER BY m.month`,
    );
    const stationPlace: SQL[] = [sql`s.tenant_id = ${tenantId}`, sql`s.active`, inScope(sql`s.node_path`, scope)];
    stationPlace.push(inPlace(sql`s.node_path`));
    const stationKinds = await rows<{ kind: string; n: number }>(
      this.db,
      sql`SELECT s.kind, count(*)::int AS n FROM deliberation_station s WHERE ${sql.join(stationPlace, sql` AND `)} GROUP BY s.kind`,
    );
    const event = (action: string, to: string) => events.find((e) => e.action === action && e.to === to)?.n ?? 0;
    const n = (k: string) => Number(counts?.[k] ?? 0);
    const satisfaction = counts?.satisfaction === null || counts?.satisfaction === undefined ? null : Number(counts.satisfaction);
    const days = counts?.days === null || counts?.days === undefined ? null : Math.round(Number(counts.days) * 10) / 10;
    return {
      topicsDeliberated: event('deliberate', 'deliberated'),
      topicsCollected: n('collected'),
      topicsAdmitted: event('screen', 'admissible'),
      topicsExcluded: event('screen', 'excluded'),
      topicsDecided: n('decided'),
      topicsResolved: n('resolved'),
      redProjects: n('red'),
      completionRate: ratio(n('adopted_resolved'), n('adopted')),
      satisfactionRate: satisfaction,
      averageDaysToDecision: days,
      stations: stationKinds.reduce((sum, k) => sum + k.n, 0),
      stationsByKind: Object.fromEntries(stationKinds.map((k) => [k.kind, k.n])),
      byLevel: { compound: n('compound'), community: n('community'), subdistrict: n('subdistrict') },
      byStatus: Object.fromEntries(states.map((r) => [r.status, r.n])),
      byMonth: months.map((m) => ({ month: m.month, topicsCollected: m.collected, topicsResolved: m.resolved })),
    };
  }
}
