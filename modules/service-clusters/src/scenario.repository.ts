import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type {
  ScenarioCompound,
  ScenarioLock,
  ScenarioParameters,
  ScenarioStatus,
  ScenarioSummary,
  ScenarioTotals,
  ServiceMode,
  SolverStatus,
} from './contract.ts';

export interface ScenarioFilter {
  nodeId?: string;
  status?: ScenarioStatus;
  q?: string;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
}

/** A scenario as stored: its summary, parameters and inputs. */
export interface ScenarioRecord extends ScenarioSummary {
  nodePath: string;
  parameters: ScenarioParameters;
  inputs: ScenarioCompound[];
}

/** A cluster of a plan, as stored. */
export interface StoredCluster {
  id: string;
  position: number;
  name: string;
  anchorCompoundId: string;
  mode: 'single' | 'one_to_one' | 'one_to_many';
  households: number;
  areaM2: number;
  revenue: number;
  cost: number;
  margin: number;
  subsidy: number;
  maxDistanceKm: number;
  companyId: string | null;
  serviceMode: ServiceMode | null;
  members: { compoundId: string; distanceKm: number }[];
}

export const ScenarioNameCursor = Type.Tuple([CursorText, Uuid]);
export const ScenarioTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const cursorFor = (sort: string | undefined) => (sort?.endsWith('name') ? ScenarioNameCursor : ScenarioTimeCursor);

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

/**
 * SQL of cluster scenarios (with their clusters, members and locks): a scenario is visible where
 * its place is in the caller's scope.
 */
export class ScenarioRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  /**
   * A solve that outlived its time limit by far did not end (the server stopped during it): such
   * scenarios are marked failed, so none stays `solving` for ever. Runs before reads and solves.
   */
  async failStale(tenantId: string): Promise<void> {
    await this.db.execute(sql`UPDATE cluster_scenario SET status = 'failed', failure = 'interrupted', updated_at = now()
      WHERE tenant_id = ${tenantId} AND status = 'solving'
        AND solve_started_at < now() - make_interval(secs => coalesce((parameters->>'timeLimitSeconds')::int, 20) * 2 + 120)`);
  }

  private select(tenantId: string, scope: string[], conditions: SQL[], full: boolean): SQL {
    return sql`SELECT s.id, s.node_id AS "nodeId", n.name AS "nodeName", n.path::text AS "nodePath", s.name, s.status,
        s.solver_status AS "solverStatus", s.gap, s.solve_ms AS "solveMs", s.failure, s.totals,
        jsonb_array_length(s.inputs)::int AS "compoundCount",
        coalesce((s.parameters->>'timeLimitSeconds')::int, 20) AS "timeLimitSeconds",
        ${iso('s.solve_started_at')} AS "solveStartedAt", ${iso('s.solved_at')} AS "solvedAt",
        ${iso('s.adopted_at')} AS "adoptedAt", a.display_name AS "adoptedByName", s.superseded_by AS "supersededBy",
        ${iso('s.created_at')} AS "createdAt", ${iso('s.updated_at')} AS "updatedAt"
        ${full ? sql`, s.parameters, s.inputs` : sql``}
      FROM cluster_scenario s JOIN ${territorySql.nodes('n')} ON n.tenant_id = s.tenant_id AND n.id = s.node_id
      LEFT JOIN account a ON a.id = s.adopted_by
      WHERE s.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: ScenarioFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: ScenarioSummary[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`s.status = ${filter.status}`);
    if (filter.q) c.push(sql`s.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byName = sort.endsWith('name');
    const desc = sort.startsWith('-');
    const key = byName ? sql`s.name` : sql`s.created_at`;
    if (page.after) {
      const value = byName ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, s.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, s.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, s.id DESC` : sql`${key}, s.id`;
    const found = await rows<ScenarioSummary & { nodePath?: string }>(
      this.db,
      sql`${this.select(tenantId, scope, c, false)} ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = found.slice(0, page.limit).map(({ nodePath: _, ...s }) => normalise(s));
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byName ? last.name : last.createdAt, last.id] : null };
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<ScenarioRecord | undefined> {
    const found = await one<ScenarioRecord>(this.db, this.select(tenantId, scope, [sql`s.id = ${id}::uuid`], true));
    return found && normalise(found);
  }

  /** The scenario's row locked for a write (inside the write's transaction). */
  async lockRow(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`SELECT 1 FROM cluster_scenario WHERE tenant_id = ${tenantId} AND id = ${id}::uuid FOR UPDATE`);
  }

  async clustersOf(tenantId: string, scenarioId: string): Promise<StoredCluster[]> {
    return rows<StoredCluster>(
      this.db,
      sql`SELECT c.id, c.position, c.name, c.anchor_compound_id AS "anchorCompoundId", c.mode, c.households, c.area_m2 AS "areaM2",
          c.revenue, c.cost, c.margin, c.subsidy, c.max_distance_km AS "maxDistanceKm", c.company_id AS "companyId",
          c.service_mode AS "serviceMode",
          coalesce((SELECT jsonb_agg(jsonb_build_object('compoundId', m.compound_id, 'distanceKm', m.distance_km)
                      ORDER BY m.distance_km, m.compound_id)
             FROM cluster_scenario_member m WHERE m.tenant_id = c.tenant_id AND m.cluster_id = c.id), '[]'::jsonb) AS members
        FROM cluster_scenario_cluster c
        WHERE c.tenant_id = ${tenantId} AND c.scenario_id = ${scenarioId}::uuid ORDER BY c.position`,
    );
  }

  locksOf(tenantId: string, scenarioId: string): Promise<ScenarioLock[]> {
    return rows<ScenarioLock>(
      this.db,
      sql`SELECT compound_id AS "compoundId", anchor_compound_id AS "anchorCompoundId" FROM cluster_scenario_lock
        WHERE tenant_id = ${tenantId} AND scenario_id = ${scenarioId}::uuid ORDER BY compound_id`,
    );
  }

  async insert(
    tenantId: string,
    input: { nodeId: string; name: string; parameters: ScenarioParameters; inputs: ScenarioCompound[]; createdBy?: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO cluster_scenario (tenant_id, id, node_id, name, parameters, inputs, created_by)
      VALUES (${tenantId}, ${id}, ${input.nodeId}, ${input.name}, ${JSON.stringify(input.parameters)}::jsonb,
              ${JSON.stringify(input.inputs)}::jsonb, ${input.createdBy ?? null})`);
    return id;
  }

  /** New name or parameters: a plan made before no longer answers them, so the scenario is a draft again. */
  async update(tenantId: string, id: string, input: { name: string; parameters: ScenarioParameters; planChanged: boolean }): Promise<void> {
    await this.db.execute(sql`UPDATE cluster_scenario SET name = ${input.name}, parameters = ${JSON.stringify(input.parameters)}::jsonb,
        status = CASE WHEN ${input.planChanged} AND status IN ('solved', 'failed') THEN 'draft' ELSE status END, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  async replaceLocks(tenantId: string, id: string, locks: ScenarioLock[], by: string | undefined): Promise<void> {
    await this.db.execute(sql`DELETE FROM cluster_scenario_lock WHERE tenant_id = ${tenantId} AND scenario_id = ${id}::uuid`);
    if (locks.length > 0) {
      await this.db.execute(sql`INSERT INTO cluster_scenario_lock (tenant_id, scenario_id, compound_id, anchor_compound_id, created_by)
        VALUES ${sql.join(
          locks.map((l) => sql`(${tenantId}, ${id}::uuid, ${l.compoundId}::uuid, ${l.anchorCompoundId}::uuid, ${by ?? null})`),
          sql`, `,
        )}`);
    }
    await this.db.execute(sql`UPDATE cluster_scenario SET status = CASE WHEN status IN ('solved', 'failed') THEN 'draft' ELSE status END,
        updated_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  /** Marks the scenario solving; its start time is the token the result must bring back. Null when it already is. */
  async startSolve(tenantId: string, id: string): Promise<string | null> {
    const row = await one<{ token: string }>(
      this.db,
      sql`UPDATE cluster_scenario SET status = 'solving', solve_started_at = clock_timestamp(), failure = NULL, updated_at = now()
        WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND status IN ('draft', 'solved', 'failed')
        RETURNING solve_started_at::text AS token`,
    );
    return row?.token ?? null;
  }

  /**
   * Replaces the scenario's plan with a new one (its clusters, members and totals), when the solve
   * started at `token` is still the scenario's current one; false otherwise (nothing written).
   */
  async recordPlan(
    tenantId: string,
    id: string,
    token: string,
    plan: {
      solverStatus: SolverStatus;
      gap: number;
      solveMs: number;
      totals: ScenarioTotals;
      clusters: Omit<StoredCluster, 'id' | 'companyId' | 'serviceMode'>[];
      status?: 'solved' | 'adopted';
    },
  ): Promise<boolean> {
    const updated = await one<{ id: string }>(
      this.db,
      sql`UPDATE cluster_scenario SET status = ${plan.status ?? 'solved'}, solver_status = ${plan.solverStatus}, gap = ${plan.gap},
          solve_ms = ${plan.solveMs}, totals = ${JSON.stringify(plan.totals)}::jsonb, solved_at = now(), failure = NULL, updated_at = now()
        WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND status = 'solving' AND solve_started_at = ${token}::timestamptz
        RETURNING id`,
    );
    if (!updated) return false;
    await this.insertClusters(tenantId, id, plan.clusters);
    return true;
  }

  /** The clusters of a plan (replacing any earlier ones). */
  async insertClusters(tenantId: string, id: string, clusters: Omit<StoredCluster, 'id' | 'companyId' | 'serviceMode'>[]): Promise<void> {
    await this.db.execute(sql`DELETE FROM cluster_scenario_cluster WHERE tenant_id = ${tenantId} AND scenario_id = ${id}::uuid`);
    const withIds = clusters.map((c) => ({ ...c, id: newId() }));
    for (let i = 0; i < withIds.length; i += 200) {
      const part = withIds.slice(i, i + 200);
      await this.db.execute(sql`INSERT INTO cluster_scenario_cluster (tenant_id, id, scenario_id, position, name, anchor_compound_id, mode,
          households, area_m2, revenue, cost, margin, subsidy, max_distance_km)
        VALUES ${sql.join(
          part.map(
            (
              c,
            ) => sql`(${tenantId}, ${c.id}, ${id}::uuid, ${c.position}, ${c.name}, ${c.anchorCompoundId}::uuid, ${c.mode}, ${c.households},
              ${c.areaM2}, ${c.revenue}, ${c.cost}, ${c.margin}, ${c.subsidy}, ${c.maxDistanceKm})`,
          ),
          sql`, `,
        )}`);
      const members = part.flatMap((c) => c.members.map((m) => ({ ...m, clusterId: c.id })));
      if (members.length === 0) continue;
      await this.db.execute(sql`INSERT INTO cluster_scenario_member (tenant_id, scenario_id, compound_id, cluster_id, distance_km)
        VALUES ${sql.join(
          members.map((m) => sql`(${tenantId}, ${id}::uuid, ${m.compoundId}::uuid, ${m.clusterId}::uuid, ${m.distanceKm})`),
          sql`, `,
        )}`);
    }
  }

  /** The solve started at `token` found no plan: the scenario failed, with why. */
  async recordFailure(
    tenantId: string,
    id: string,
    token: string,
    failure: { solverStatus: SolverStatus | null; reason: string; solveMs: number },
  ) {
    await this.db.execute(sql`UPDATE cluster_scenario SET status = 'failed', solver_status = ${failure.solverStatus}, failure = ${failure.reason},
        solve_ms = ${failure.solveMs}, gap = NULL, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND status = 'solving' AND solve_started_at = ${token}::timestamptz`);
  }

  /** The names, companies and service modes the adoption gave the clusters. */
  async setClusterAdoption(
    tenantId: string,
    clusterId: string,
    input: { name: string; companyId: string | null; serviceMode: ServiceMode },
  ) {
    await this.db.execute(sql`UPDATE cluster_scenario_cluster SET name = ${input.name}, company_id = ${input.companyId},
        service_mode = ${input.serviceMode} WHERE tenant_id = ${tenantId} AND id = ${clusterId}::uuid`);
  }

  /**
   * Records the adoption, and supersedes the adopted scenarios that planned any of the same compounds
   * (the newer adoption holds for them). The ids of the superseded scenarios.
   */
  async markAdopted(tenantId: string, id: string, accountId: string | null): Promise<string[]> {
    await this.db.execute(sql`UPDATE cluster_scenario SET status = 'adopted', adopted_at = now(), adopted_by = ${accountId}, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
    const superseded = await rows<{ id: string }>(
      this.db,
      sql`UPDATE cluster_scenario s SET status = 'superseded', superseded_by = ${id}::uuid, updated_at = now()
        WHERE s.tenant_id = ${tenantId} AND s.status = 'adopted' AND s.id <> ${id}::uuid
          AND EXISTS (SELECT 1 FROM cluster_scenario_member o JOIN cluster_scenario_member m
                        ON m.tenant_id = o.tenant_id AND m.compound_id = o.compound_id AND m.scenario_id = ${id}::uuid
                       WHERE o.tenant_id = s.tenant_id AND o.scenario_id = s.id)
        RETURNING s.id`,
    );
    return superseded.map((r) => r.id);
  }
}

function normalise<T extends ScenarioSummary>(s: T): T {
  return {
    ...s,
    gap: s.gap === null ? null : Number(s.gap),
    solveMs: s.solveMs === null ? null : Number(s.solveMs),
  };
}
