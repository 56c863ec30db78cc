import { inScope, newId, type ReferenceKind } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import {
  type PlanHousehold,
  percent,
  type Visit,
  type VisitAttempt,
  type VisitCoverage,
  type VisitCoverageList,
  type VisitOutcome,
  type VisitState,
} from './visit-contract.ts';

// SQL of quarterly home visits. A plan is visible where its grid's community is in scope; the
// households of a plan are those under the grid's buildings now (the grids module's grid and
// grid_building tables, declared in the manifest's reads), each visit of one of them.

/** The households under a grid's buildings (`gridId` a column or value), as a subquery of (id, path). */
function gridHouseholds(tenantId: string, gridId: SQL): SQL {
  return sql`(SELECT DISTINCT h.id, h.path FROM grid_building gb
      JOIN ${territorySql.nodes('b')} ON b.tenant_id = gb.tenant_id AND b.id = gb.building_id
      JOIN ${territorySql.nodes('h')} ON h.tenant_id = b.tenant_id AND h.kind = 'household' AND h.path <@ b.path
      WHERE gb.tenant_id = ${tenantId} AND gb.grid_id = ${gridId})`;
}

/**
 * A household named by id in a visit (requireReferences): a household under the grid's buildings and
 * in the caller's scope. One of another grid, community or county reads exactly like an unknown id.
 */
export function gridHouseholdReference(gridId: string): ReferenceKind {
  return {
    name: `deliberation_grid_household_${gridId}`,
    noun: 'Household',
    from: sql`${territorySql.nodes('x')}`,
    path: sql`x.path`,
    where: sql`x.kind = 'household' AND EXISTS (SELECT 1 FROM grid_building gb
        JOIN ${territorySql.nodes('b')} ON b.tenant_id = gb.tenant_id AND b.id = gb.building_id
        WHERE gb.tenant_id = x.tenant_id AND gb.grid_id = ${gridId}::uuid AND x.path <@ b.path)`,
  };
}

/** The names from the compound down to the household: the nodes on its path strictly below the community. */
const placeBelow = (tenantId: string, householdPath: SQL, communityPath: SQL) =>
  sql`ARRAY(SELECT tn.name FROM ${territorySql.nodes('tn')} WHERE tn.tenant_id = ${tenantId} AND tn.path @> ${householdPath}
      AND NOT tn.path @> ${communityPath} ORDER BY tn.depth)`;

export interface PlanRecord {
  id: string;
  quarter: string;
  gridId: string;
  gridName: string;
  communityName: string;
  communityPath: string;
}

export interface VisitRecord {
  id: string;
  planId: string;
  quarter: string;
  gridName: string;
  householdId: string;
  householdPath: string;
  outcome: VisitOutcome;
  raised: string | null;
  topicId: string | null;
  version: number;
}

/** SQL of visit plans, visits and their attempts. */
export class VisitRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  private gridsInScope(tenantId: string, scope: string[], nodeId?: string): SQL {
    return sql`FROM grid g JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
      WHERE g.tenant_id = ${tenantId} AND g.level = 'grid' AND ${inScope(sql`c.path`, scope)}
      ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, tenantId, nodeId)}` : sql``}`;
  }

  /** Makes the quarter's plan of every grid in scope (under `nodeId` when given) that has none; the grids that had one are counted. */
  async createPlans(
    tenantId: string,
    scope: string[],
    quarter: string,
    createdBy: string | null,
    nodeId?: string,
  ): Promise<{ created: string[]; existing: number }> {
    const grids = await rows<{ id: string; planned: boolean }>(
      this.db,
      sql`SELECT g.id, EXISTS (SELECT 1 FROM deliberation_visit_plan p WHERE p.tenant_id = g.tenant_id AND p.grid_id = g.id
            AND p.quarter = ${quarter}) AS planned
          ${this.gridsInScope(tenantId, scope, nodeId)} ORDER BY g.id`,
    );
    const wanted = grids.filter((g) => !g.planned);
    if (wanted.length === 0) return { created: [], existing: grids.length };
    // ON CONFLICT: two callers making the same quarter's plans at once both succeed, each plan made once.
    // In chunks: a county has thousands of grids, a statement at most 65,535 parameters.
    const made: string[] = [];
    for (let i = 0; i < wanted.length; i += 1000) {
      const chunk = wanted.slice(i, i + 1000);
      const inserted = await rows<{ id: string }>(
        this.db,
        sql`INSERT INTO deliberation_visit_plan (tenant_id, id, grid_id, quarter, created_by)
            VALUES ${sql.join(
              chunk.map((g) => sql`(${tenantId}, ${newId()}::uuid, ${g.id}::uuid, ${quarter}, ${createdBy}::uuid)`),
              sql`, `,
            )}
            ON CONFLICT (tenant_id, grid_id, quarter) DO NOTHING RETURNING id`,
      );
      made.push(...inserted.map((r) => r.id));
    }
    return { created: made, existing: grids.length - made.length };
  }

  /** Each plan of the quarter in scope with its households and their visits counted, and the grids still without a plan. */
  async coverage(tenantId: string, scope: string[], quarter: string, nodeId?: string): Promise<VisitCoverageList> {
    const found = await rows<Omit<VisitCoverage, 'coverage'>>(
      this.db,
      sql`SELECT p.id AS "planId", g.id AS "gridId", g.name AS "gridName", c.id AS "communityId", c.name AS "communityName",
          s.households, s.visited, s.not_home AS "notHome", s.refused, s.raised, s.topics
        FROM deliberation_visit_plan p
        JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS households,
            count(*) FILTER (WHERE v.outcome = 'visited')::int AS visited,
            count(*) FILTER (WHERE v.outcome = 'not_home')::int AS not_home,
            count(*) FILTER (WHERE v.outcome = 'refused')::int AS refused,
            count(*) FILTER (WHERE v.raised IS NOT NULL)::int AS raised,
            count(*) FILTER (WHERE v.topic_id IS NOT NULL)::int AS topics
          FROM ${gridHouseholds(tenantId, sql`p.grid_id`)} hh
          LEFT JOIN deliberation_visit v ON v.tenant_id = p.tenant_id AND v.plan_id = p.id AND v.household_id = hh.id
        ) s
        WHERE p.tenant_id = ${tenantId} AND p.quarter = ${quarter} AND ${inScope(sql`c.path`, scope)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, tenantId, nodeId)}` : sql``}
        ORDER BY c.name, ${territorySql.naturalKey(sql`g.name`)}, g.name, g.id`,
    );
    const without = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n ${this.gridsInScope(tenantId, scope, nodeId)}
          AND NOT EXISTS (SELECT 1 FROM deliberation_visit_plan p WHERE p.tenant_id = g.tenant_id AND p.grid_id = g.id AND p.quarter = ${quarter})`,
    );
    const items = found.map((r) => ({ ...r, coverage: percent(r.visited, r.households) }));
    const sum = (key: 'households' | 'visited' | 'notHome' | 'refused') => items.reduce((n, r) => n + r[key], 0);
    const total = { households: sum('households'), visited: sum('visited'), notHome: sum('notHome'), refused: sum('refused') };
    return { quarter, items, total: { ...total, coverage: percent(total.visited, total.households) }, gridsWithoutPlan: without?.n ?? 0 };
  }

  /** A plan whose grid's community is in scope, or undefined. */
  plan(tenantId: string, id: string, scope: string[]): Promise<PlanRecord | undefined> {
    return one<PlanRecord>(
      this.db,
      sql`SELECT p.id, p.quarter, g.id AS "gridId", g.name AS "gridName", c.name AS "communityName", c.path::text AS "communityPath"
        FROM deliberation_visit_plan p
        JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
        WHERE p.tenant_id = ${tenantId} AND p.id = ${id}::uuid AND ${inScope(sql`c.path`, scope)}`,
    );
  }

  /** The households of a plan in natural order with their visit state, filtered by state and words of the place. */
  households(tenantId: string, plan: PlanRecord, filter: { state?: VisitState; q?: string } = {}): Promise<PlanHousehold[]> {
    const c: SQL[] = [];
    if (filter.state === 'unvisited') c.push(sql`v.id IS NULL`);
    else if (filter.state) c.push(sql`v.outcome = ${filter.state}`);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      c.push(sql`array_to_string(${placeBelow(tenantId, sql`hh.path`, sql`${plan.communityPath}::ltree`)}, ' ') ILIKE ${like}`);
    }
    return rows<PlanHousehold>(
      this.db,
      sql`SELECT hh.id AS "householdId", ${placeBelow(tenantId, sql`hh.path`, sql`${plan.communityPath}::ltree`)} AS place,
          coalesce(v.outcome, 'unvisited') AS state, v.id AS "visitId", to_char(v.visited_on, 'YYYY-MM-DD') AS "visitedOn",
          v.visitor_name AS "visitorName", v.raised, coalesce(v.attempts, 0) AS attempts, v.topic_id AS "topicId",
          t.number AS "topicNumber", v.version
        FROM ${gridHouseholds(tenantId, sql`${plan.gridId}::uuid`)} hh
        LEFT JOIN deliberation_visit v ON v.tenant_id = ${tenantId} AND v.plan_id = ${plan.id}::uuid AND v.household_id = hh.id
        LEFT JOIN deliberation_topic t ON t.tenant_id = v.tenant_id AND t.id = v.topic_id
        ${c.length ? sql`WHERE ${sql.join(c, sql` AND `)}` : sql``}
        ORDER BY ${territorySql.naturalPathKey(tenantId, sql`hh.path`)}, hh.id
        LIMIT 10000`,
    );
  }

  /** The visit of a household in a plan, locked for a write, or undefined. */
  lockVisitOf(tenantId: string, planId: string, householdId: string): Promise<{ id: string; version: number } | undefined> {
    return one(
      this.db,
      sql`SELECT id, version FROM deliberation_visit
          WHERE tenant_id = ${tenantId} AND plan_id = ${planId}::uuid AND household_id = ${householdId}::uuid FOR UPDATE`,
    );
  }

  /**
   * Records an attempt: the household's visit row takes the latest outcome (made on the first
   * attempt), the attempt is appended to its history. Answers the visit's id.
   */
  async record(
    tenantId: string,
    input: {
      planId: string;
      householdId: string;
      visitedOn: string;
      visitorId: string | null;
      visitorName: string | null;
      outcome: VisitOutcome;
      raised: string | null;
    },
  ): Promise<{ id: string; attempts: number; version: number }> {
    const row = await one<{ id: string; attempts: number; version: number }>(
      this.db,
      sql`INSERT INTO deliberation_visit (tenant_id, id, plan_id, household_id, visited_on, visitor_id, visitor_name, outcome, raised)
        VALUES (${tenantId}, ${newId()}::uuid, ${input.planId}::uuid, ${input.householdId}::uuid, ${input.visitedOn}::date,
          ${input.visitorId}::uuid, ${input.visitorName}, ${input.outcome}, ${input.raised})
        ON CONFLICT (tenant_id, plan_id, household_id) DO UPDATE SET visited_on = EXCLUDED.visited_on, visitor_id = EXCLUDED.visitor_id,
          visitor_name = EXCLUDED.visitor_name, outcome = EXCLUDED.outcome, raised = EXCLUDED.raised,
          attempts = deliberation_visit.attempts + 1, version = deliberation_visit.version + 1, updated_at = now()
        RETURNING id, attempts, version`,
    );
    if (!row) throw new Error('visit not recorded');
    await this.db.execute(sql`INSERT INTO deliberation_visit_attempt
        (tenant_id, visit_id, seq, visited_on, visitor_id, visitor_name, outcome, raised)
      VALUES (${tenantId}, ${row.id}::uuid, ${row.attempts}, ${input.visitedOn}::date, ${input.visitorId}::uuid, ${input.visitorName},
        ${input.outcome}, ${input.raised})`);
    return row;
  }

  /** A visit whose plan is in scope and whose household is in scope, locked for a write when asked. */
  findVisit(tenantId: string, id: string, scope: string[], lock = false): Promise<VisitRecord | undefined> {
    return one<VisitRecord>(
      this.db,
      sql`SELECT v.id, v.plan_id AS "planId", p.quarter, g.name AS "gridName", v.household_id AS "householdId", h.path::text AS "householdPath",
          v.outcome, v.raised, v.topic_id AS "topicId", v.version
        FROM deliberation_visit v
        JOIN deliberation_visit_plan p ON p.tenant_id = v.tenant_id AND p.id = v.plan_id
        JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = v.tenant_id AND h.id = v.household_id
        WHERE v.tenant_id = ${tenantId} AND v.id = ${id}::uuid AND ${inScope(sql`c.path`, scope)} AND ${inScope(sql`h.path`, scope)}
        ${lock ? sql`FOR UPDATE OF v` : sql``}`,
    );
  }

  async linkTopic(tenantId: string, id: string, topicId: string): Promise<void> {
    await this.db.execute(sql`UPDATE deliberation_visit SET topic_id = ${topicId}::uuid, version = version + 1, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  /** A visit with its place and every attempt, as the writes answer it (scope checked by the caller). */
  async visit(tenantId: string, id: string): Promise<Visit | undefined> {
    const found = await one<Omit<Visit, 'attempts'>>(
      this.db,
      sql`SELECT v.id, v.plan_id AS "planId", p.quarter, v.household_id AS "householdId",
          ${placeBelow(tenantId, sql`h.path`, sql`c.path`)} AS place, to_char(v.visited_on, 'YYYY-MM-DD') AS "visitedOn",
          v.visitor_name AS "visitorName", v.outcome, v.raised, v.topic_id AS "topicId", t.number AS "topicNumber", v.version
        FROM deliberation_visit v
        JOIN deliberation_visit_plan p ON p.tenant_id = v.tenant_id AND p.id = v.plan_id
        JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = v.tenant_id AND h.id = v.household_id
        LEFT JOIN deliberation_topic t ON t.tenant_id = v.tenant_id AND t.id = v.topic_id
        WHERE v.tenant_id = ${tenantId} AND v.id = ${id}::uuid`,
    );
    if (!found) return undefined;
    const attempts = await rows<VisitAttempt>(
      this.db,
      sql`SELECT seq, to_char(visited_on, 'YYYY-MM-DD') AS "visitedOn", visitor_name AS "visitorName", outcome, raised,
          to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt"
        FROM deliberation_visit_attempt WHERE tenant_id = ${tenantId} AND visit_id = ${id}::uuid ORDER BY seq`,
    );
    return { ...found, attempts };
  }

  /** Every visit of the quarter's plans in scope, for the export. */
  visitsOfQuarter(
    tenantId: string,
    scope: string[],
    quarter: string,
    nodeId?: string,
  ): Promise<
    (Omit<PlanHousehold, 'state' | 'visitId' | 'version'> & { gridName: string; communityName: string; outcome: VisitOutcome })[]
  > {
    return rows(
      this.db,
      sql`SELECT c.name AS "communityName", g.name AS "gridName", v.household_id AS "householdId",
          ${placeBelow(tenantId, sql`h.path`, sql`c.path`)} AS place, to_char(v.visited_on, 'YYYY-MM-DD') AS "visitedOn",
          v.visitor_name AS "visitorName", v.outcome, v.raised, v.attempts, v.topic_id AS "topicId", t.number AS "topicNumber"
        FROM deliberation_visit v
        JOIN deliberation_visit_plan p ON p.tenant_id = v.tenant_id AND p.id = v.plan_id
        JOIN grid g ON g.tenant_id = p.tenant_id AND g.id = p.grid_id
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = g.tenant_id AND c.id = g.community_id
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = v.tenant_id AND h.id = v.household_id
        LEFT JOIN deliberation_topic t ON t.tenant_id = v.tenant_id AND t.id = v.topic_id
        WHERE v.tenant_id = ${tenantId} AND p.quarter = ${quarter} AND ${inScope(sql`c.path`, scope)}
          ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, tenantId, nodeId)}` : sql``}
        ORDER BY c.name, g.name, ${territorySql.naturalPathKey(tenantId, sql`h.path`)}
        LIMIT 100000`,
    );
  }
}
