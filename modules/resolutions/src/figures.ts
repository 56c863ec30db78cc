import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { Figures } from './contract.ts';

const figureColumns = sql`count(*)::int AS resolutions,
    count(*) FILTER (WHERE r.status = 'completed')::int AS completed,
    CASE WHEN count(*) = 0 THEN NULL ELSE round(count(*) FILTER (WHERE r.status = 'completed') * 1000.0 / count(*)) / 10 END AS "completionRate",
    (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE round(count(*) FILTER (WHERE s.satisfaction <> 'dissatisfied') * 1000.0 / count(*)) / 10 END
       FROM resolution_survey s WHERE s.tenant_id = min(r.tenant_id) AND s.resolution_id = ANY (array_agg(r.id))) AS "satisfactionRate",
    round(avg(((r.completed_at AT TIME ZONE 'Asia/Shanghai')::date - r.decided_on)) FILTER (WHERE r.status = 'completed') * 10) / 10 AS "daysDecisionToCompletion",
    (SELECT CASE WHEN count(*) = 0 THEN NULL
              ELSE round(count(*) FILTER (WHERE e.evaluated_at IS NOT NULL AND (e.evaluated_at AT TIME ZONE 'Asia/Shanghai')::date <= e.due_on) * 1000.0 / count(*)) / 10 END
       FROM resolution_evaluation e WHERE e.tenant_id = min(r.tenant_id) AND e.resolution_id = ANY (array_agg(r.id)) AND e.due_on < current_date)
      AS "evaluationsOnTime"`;

const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const shape = (row: Partial<Figures> | undefined): Figures => ({
  resolutions: row?.resolutions ?? 0,
  completed: row?.completed ?? 0,
  completionRate: numberOrNull(row?.completionRate),
  satisfactionRate: numberOrNull(row?.satisfactionRate),
  daysDecisionToCompletion: numberOrNull(row?.daysDecisionToCompletion),
  evaluationsOnTime: numberOrNull(row?.evaluationsOnTime),
});

/**
 * The figures of the resolutions decided between `from` and `to` (dates, inclusive) at places in
 * `scope` (and under `nodeId` when given), for the deliberation KPIs:
 * - resolutions, completed, completionRate (% of them completed),
 * - satisfactionRate: % of survey answers satisfied or basically satisfied (null without answers),
 * - daysDecisionToCompletion: mean days from decision to completion of the completed ones,
 * - evaluationsOnTime: % of monthly evaluations due by today that were made by their due date.
 * Rates are percentages with one decimal. Scope is checked in the SQL; pass the caller's scope of
 * `resolutions.read` (or of the reading module's own ability).
 */
export async function resolutionFigures(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  range: { nodeId?: string; from: string; to: string },
): Promise<Figures> {
  const row = await one<Figures>(
    db,
    sql`SELECT ${figureColumns}
        FROM resolution r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
        WHERE r.tenant_id = ${scope.tenantId} AND ${inScope(sql`n.path`, scope.paths)} AND r.status <> 'cancelled'
          AND r.decided_on BETWEEN ${range.from}::date AND ${range.to}::date
          ${range.nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, scope.tenantId, range.nodeId)}` : sql``}`,
  );
  return shape(row);
}

/** The figures per subdistrict (street) and quarter of decision in `year`, for the quarterly review (每季度考核). */
export async function quarterlyFigures(db: Db, scope: { tenantId: string; paths: string[] }, year: number) {
  const found = await rows<Figures & { subdistrictId: string; subdistrictName: string; quarter: number }>(
    db,
    sql`SELECT s.id AS "subdistrictId", s.name AS "subdistrictName", extract(quarter FROM r.decided_on)::int AS quarter, ${figureColumns}
        FROM resolution r JOIN ${territorySql.nodes('n')} ON n.tenant_id = r.tenant_id AND n.id = r.node_id
        JOIN ${territorySql.nodes('s')} ON s.tenant_id = r.tenant_id AND s.kind = 'subdistrict' AND s.path @> n.path
        WHERE r.tenant_id = ${scope.tenantId} AND ${inScope(sql`n.path`, scope.paths)} AND r.status <> 'cancelled'
          AND extract(year FROM r.decided_on) = ${year}
        GROUP BY s.id, s.name, extract(quarter FROM r.decided_on)
        ORDER BY ${territorySql.naturalKey(sql`s.name`)}, s.id, quarter`,
  );
  return found.map(({ subdistrictId, subdistrictName, quarter, ...f }) => ({ subdistrictId, subdistrictName, quarter, ...shape(f) }));
}

export interface SupervisionFigures {
  /** Supervision committees at places under the node (however old). */
  committees: number;
  /** Their active members. */
  members: number;
  /** Monthly notices (公示) published in the period. */
  publications: number;
  /** Good ideas reported to the county (报送) in the period. */
  ideasReported: number;
}

/**
 * The supervision side of the deliberation KPIs, at places in `scope` (and under `nodeId` when
 * given): committees and their active members as they stand, notices published and good ideas
 * reported between `from` and `to` (Shanghai dates, inclusive).
 */
export async function supervisionFigures(
  db: Db,
  scope: { tenantId: string; paths: string[] },
  range: { nodeId?: string; from: string; to: string },
): Promise<SupervisionFigures> {
  const T = scope.tenantId;
  const place = sql`n.tenant_id = ${T} AND ${inScope(sql`n.path`, scope.paths)}
    ${range.nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, T, range.nodeId)}` : sql``}`;
  const row = await one<SupervisionFigures>(
    db,
    sql`SELECT
        (SELECT count(*)::int FROM supervision_committee c JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
          WHERE c.tenant_id = ${T} AND ${place}) AS committees,
        (SELECT count(*)::int FROM supervision_member m JOIN supervision_committee c ON c.tenant_id = m.tenant_id AND c.id = m.committee_id
          JOIN ${territorySql.nodes('n')} ON n.tenant_id = c.tenant_id AND n.id = c.node_id
          WHERE m.tenant_id = ${T} AND m.active AND ${place}) AS members,
        (SELECT count(*)::int FROM resolution_publication p JOIN ${territorySql.nodes('n')} ON n.tenant_id = p.tenant_id AND n.id = p.node_id
          WHERE p.tenant_id = ${T} AND ${place}
            AND (p.published_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${range.from}::date AND ${range.to}::date) AS publications,
        (SELECT count(*)::int FROM resolution_idea i JOIN ${territorySql.nodes('n')} ON n.tenant_id = i.tenant_id AND n.id = i.node_id
          WHERE i.tenant_id = ${T} AND ${place} AND i.reported_on BETWEEN ${range.from}::date AND ${range.to}::date) AS "ideasReported"`,
  );
  return {
    committees: row?.committees ?? 0,
    members: row?.members ?? 0,
    publications: row?.publications ?? 0,
    ideasReported: row?.ideasReported ?? 0,
  };
}
