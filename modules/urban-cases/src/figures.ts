import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { UrbanCaseFigures } from './contract.ts';
import { renovationStatuses } from './vocabulary.ts';

type Scope = { tenantId: string; paths: string[] };
type Range = { nodeId?: string; from: string; to: string };

/** `at` (a timestamptz) lies in [from, to), both read as China time (dates are midnight). */
export const inPeriod = (at: SQL, range: { from: string; to: string }): SQL =>
  sql`(${at} AT TIME ZONE 'Asia/Shanghai') >= ${range.from}::timestamp AND (${at} AT TIME ZONE 'Asia/Shanghai') < ${range.to}::timestamp`;

/** `day` (a date) lies in [from, to). */
export const dayInPeriod = (day: SQL, range: { from: string; to: string }): SQL =>
  sql`${day} >= ${range.from}::timestamp AND ${day} < ${range.to}::timestamp`;

/** The sums of closed cases (columns over `urban_case x`), shared by the figures and the totals by territory. */
export const caseSums = sql`count(*) FILTER (WHERE x.kind = 'illegal_structure')::int AS "illegalStructuresRemoved",
    coalesce(sum(x.quantity) FILTER (WHERE x.kind = 'illegal_structure'), 0)::float8 AS "illegalStructureAreaM2",
    coalesce(sum(x.quantity) FILTER (WHERE x.kind = 'rubbish'), 0)::float8 AS "rubbishTonnes",
    coalesce(sum(x.quantity) FILTER (WHERE x.kind = 'parking'), 0)::float8 AS "parkingSpaces",
    coalesce(sum(x.quantity) FILTER (WHERE x.kind = 'charger'), 0)::float8 AS "chargers",
    count(*) FILTER (WHERE x.kind = 'clutter')::int AS "clutterCases"`;

/** Rounded to two decimals (sums of numeric(12, 2) read as float). */
export const round2 = (v: unknown) => Math.round(Number(v ?? 0) * 100) / 100;

/**
 * The figures of 城管进小区 and 老旧小区改造 under `nodeId` (within the caller's scope paths), for the
 * property KPIs: cases count when closed within [from, to) (China time), with their quantities;
 * renovated compounds are the distinct compounds of projects accepted within the range; projects by
 * status count every project with a compound under the node, whatever the range.
 */
export async function urbanCaseFigures(db: Db, scope: Scope, range: Range): Promise<UrbanCaseFigures> {
  const under = (path: SQL) => (range.nodeId ? sql`AND ${territorySql.underNode(path, scope.tenantId, range.nodeId)}` : sql``);
  const cases = await one<Record<string, number>>(
    db,
    sql`SELECT ${caseSums}
        FROM urban_case x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id
        WHERE x.tenant_id = ${scope.tenantId} AND x.status = 'closed' AND ${inScope(sql`n.path`, scope.paths)}
          AND ${inPeriod(sql`x.closed_at`, range)} ${under(sql`n.path`)}`,
  );
  const renovated = await one<{ n: number }>(
    db,
    sql`SELECT count(DISTINCT rc.compound_id)::int AS n
        FROM urban_renovation r
        JOIN urban_renovation_compound rc ON rc.tenant_id = r.tenant_id AND rc.project_id = r.id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = rc.tenant_id AND c.id = rc.compound_id
        WHERE r.tenant_id = ${scope.tenantId} AND r.status = 'accepted' AND ${dayInPeriod(sql`r.accepted_on`, range)}
          AND ${inScope(sql`c.path`, scope.paths)} ${under(sql`c.path`)}`,
  );
  const byStatus = await rows<{ status: string; n: number }>(
    db,
    sql`SELECT r.status, count(*)::int AS n FROM urban_renovation r
        WHERE r.tenant_id = ${scope.tenantId} AND EXISTS (
          SELECT 1 FROM urban_renovation_compound rc JOIN ${territorySql.nodes('c')} ON c.tenant_id = rc.tenant_id AND c.id = rc.compound_id
          WHERE rc.tenant_id = r.tenant_id AND rc.project_id = r.id AND ${inScope(sql`c.path`, scope.paths)} ${under(sql`c.path`)})
        GROUP BY r.status`,
  );
  const renovationProjectsByStatus: Record<string, number> = Object.fromEntries(renovationStatuses.map((s) => [s, 0]));
  for (const r of byStatus) renovationProjectsByStatus[r.status] = r.n;
  return {
    illegalStructuresRemoved: Number(cases?.illegalStructuresRemoved ?? 0),
    illegalStructureAreaM2: round2(cases?.illegalStructureAreaM2),
    rubbishTonnes: round2(cases?.rubbishTonnes),
    parkingSpaces: round2(cases?.parkingSpaces),
    chargers: round2(cases?.chargers),
    clutterCases: Number(cases?.clutterCases ?? 0),
    renovatedCompounds: renovated?.n ?? 0,
    renovationProjectsByStatus,
  };
}
