import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { countsOf, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { CompanyKind, CompoundProfile, ManagementStatus, ServiceMode, StatusChange } from './contract.ts';

export interface ProfileFilter {
  nodeId?: string;
  status?: ManagementStatus;
  serviceMode?: ServiceMode;
  q?: string;
  sort?: 'name' | '-name' | 'updatedAt' | '-updatedAt';
}

export const ProfileNameCursor = Type.Tuple([CursorText, Uuid]);
export const ProfileTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const profileCursorFor = (sort: string | undefined) => (sort?.endsWith('name') ? ProfileNameCursor : ProfileTimeCursor);

/** What the status of a profile is computed from. */
export interface StatusInputs {
  compoundId: string;
  hasContract: boolean;
  companyKind: CompanyKind | null;
  collectionRate: number | null;
  satisfaction: number | null;
  evaluationScore: number | null;
  computedStatus: ManagementStatus;
  overrideStatus: ManagementStatus | null;
  status: ManagementStatus;
  serviceMode: ServiceMode | null;
  companyId: string | null;
  clusterId: string | null;
}

export interface HistoryRow {
  compoundId: string;
  source: StatusChange['source'];
  statusFrom: ManagementStatus | null;
  statusTo: ManagementStatus;
  serviceMode?: ServiceMode | null;
  companyId?: string | null;
  clusterId?: string | null;
  criteriaVersion?: number | null;
  reason?: string | null;
  changedBy?: string | null;
}

/** The latest recorded collection rate of the profile's current contract (alias pf). */
const latestRate = sql`(SELECT r.rate::float8 FROM property_collection r
   WHERE r.tenant_id = pf.tenant_id AND r.contract_id = pf.contract_id ORDER BY r.period DESC LIMIT 1)`;

/**
 * SQL of compound property profiles (小区物业档案) and their status history; a profile is visible
 * where its compound is in the caller's scope. Households are counted from the territory tree.
 */
export class ProfileRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT pf.compound_id AS "compoundId", n.name AS "compoundName", c.id AS "communityId", c.name AS "communityName",
        s.name AS "subdistrictName",
        pf.floor_area_m2::float8 AS "floorAreaM2", pf.company_id AS "companyId", co.name AS "companyName", co.kind AS "companyKind",
        pf.contract_id AS "contractId", k.fee_per_m2_month::float8 AS "feePerM2Month", ${latestRate} AS "collectionRate",
        pf.satisfaction::float8 AS satisfaction, pf.computed_status AS "computedStatus", pf.override_status AS "overrideStatus",
        pf.override_reason AS "overrideReason", pf.status, pf.service_mode AS "serviceMode", pf.cluster_id AS "clusterId",
        pf.cluster_name AS "clusterName",
        to_char(pf.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "updatedAt"
      FROM property_profile pf
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = pf.tenant_id AND n.id = pf.compound_id
      JOIN ${territorySql.nodes('c')} ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
      JOIN ${territorySql.nodes('s')} ON s.tenant_id = c.tenant_id AND s.id = c.parent_id
      LEFT JOIN property_company co ON co.tenant_id = pf.tenant_id AND co.id = pf.company_id
      LEFT JOIN property_contract k ON k.tenant_id = pf.tenant_id AND k.id = pf.contract_id
      WHERE pf.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: ProfileFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: CompoundProfile[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`pf.status = ${filter.status}`);
    if (filter.serviceMode) c.push(sql`pf.service_mode = ${filter.serviceMode}`);
    if (filter.q) c.push(sql`n.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? 'name';
    const byName = sort.endsWith('name');
    const desc = sort.startsWith('-');
    const key = byName ? sql`n.name` : sql`pf.updated_at`;
    if (page.after) {
      const value = byName ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(
        desc
          ? sql`(${key}, pf.compound_id) < (${value}, ${page.after[1]}::uuid)`
          : sql`(${key}, pf.compound_id) > (${value}, ${page.after[1]}::uuid)`,
      );
    }
    const order = desc ? sql`${key} DESC, pf.compound_id DESC` : sql`${key}, pf.compound_id`;
    const found = await rows<Omit<CompoundProfile, 'households'>>(
      this.db,
      sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`,
    );
    const items = await this.withHouseholds(tenantId, scope, found.slice(0, page.limit));
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byName ? last.compoundName : last.updatedAt, last.compoundId] : null };
  }

  async findById(tenantId: string, compoundId: string, scope: string[]): Promise<CompoundProfile | undefined> {
    const found = await one<Omit<CompoundProfile, 'households'>>(
      this.db,
      this.select(tenantId, scope, [sql`pf.compound_id = ${compoundId}::uuid`]),
    );
    return found ? (await this.withHouseholds(tenantId, scope, [found]))[0] : undefined;
  }

  /** Households per compound from the territory's subtree counts (one lookup for the page, not a count per row). */
  private async withHouseholds(
    tenantId: string,
    scope: string[],
    found: Omit<CompoundProfile, 'households'>[],
  ): Promise<CompoundProfile[]> {
    const counts = await countsOf(
      this.db,
      tenantId,
      found.map((f) => f.compoundId),
      scope,
    );
    return found.map((f) => ({ ...f, households: counts.get(f.compoundId)?.households ?? 0 }));
  }

  history(tenantId: string, compoundId: string): Promise<StatusChange[]> {
    return rows<StatusChange>(
      this.db,
      sql`SELECT id, source, status_from AS "statusFrom", status_to AS "statusTo", service_mode AS "serviceMode", company_id AS "companyId",
          cluster_id AS "clusterId", criteria_version AS "criteriaVersion", reason, changed_by::text AS "changedBy",
          to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "changedAt"
        FROM property_status_change WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}::uuid
        ORDER BY changed_at DESC, id DESC LIMIT 500`,
    );
  }

  /** Whether the compound has a profile (no scope: the caller checked the compound). */
  async exists(tenantId: string, compoundId: string): Promise<boolean> {
    const row = await one<{ ok: boolean }>(
      this.db,
      sql`SELECT true AS ok FROM property_profile WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}::uuid`,
    );
    return row !== undefined;
  }

  /** Creates missing profiles (unmanaged, no company) for the compounds. */
  async ensure(tenantId: string, compoundIds: string[]): Promise<string[]> {
    if (compoundIds.length === 0) return [];
    const created = await rows<{ id: string }>(
      this.db,
      sql`INSERT INTO property_profile (tenant_id, compound_id, computed_status, status)
        SELECT ${tenantId}, id, 'unmanaged', 'unmanaged' FROM unnest(${`{${compoundIds.join(',')}}`}::uuid[]) AS id
        ON CONFLICT (tenant_id, compound_id) DO NOTHING RETURNING compound_id::text AS id`,
    );
    return created.map((r) => r.id);
  }

  async update(
    tenantId: string,
    compoundId: string,
    patch: {
      floorAreaM2?: number;
      contractId?: string | null;
      companyId?: string | null;
      satisfaction?: number | null;
      serviceMode?: ServiceMode | null;
      override?: { status: ManagementStatus | null; reason: string | null };
      cluster?: { id: string; name: string; scenarioId: string };
    },
  ): Promise<void> {
    const sets: SQL[] = [sql`updated_at = now()`];
    if (patch.floorAreaM2 !== undefined) sets.push(sql`floor_area_m2 = ${patch.floorAreaM2}`);
    if (patch.contractId !== undefined) sets.push(sql`contract_id = ${patch.contractId}::uuid`);
    if (patch.companyId !== undefined) sets.push(sql`company_id = ${patch.companyId}::uuid`);
    if (patch.satisfaction !== undefined) sets.push(sql`satisfaction = ${patch.satisfaction}`);
    if (patch.serviceMode !== undefined) sets.push(sql`service_mode = ${patch.serviceMode}`);
    if (patch.override) {
      sets.push(sql`override_status = ${patch.override.status}, override_reason = ${patch.override.reason}`);
      sets.push(sql`status = COALESCE(${patch.override.status}, computed_status)`);
    }
    if (patch.cluster) {
      sets.push(
        sql`cluster_id = ${patch.cluster.id}::uuid, cluster_name = ${patch.cluster.name}, cluster_scenario_id = ${patch.cluster.scenarioId}::uuid`,
      );
    }
    await this.db.execute(
      sql`UPDATE property_profile SET ${sql.join(sets, sql`, `)} WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}::uuid`,
    );
  }

  /** The inputs of the status of the tenant's profiles (all, or the given compounds). */
  statusInputs(tenantId: string, compoundIds?: string[]): Promise<StatusInputs[]> {
    return rows<StatusInputs>(
      this.db,
      sql`SELECT pf.compound_id::text AS "compoundId", (pf.contract_id IS NOT NULL) AS "hasContract", co.kind AS "companyKind",
          ${latestRate} AS "collectionRate", pf.satisfaction::float8 AS satisfaction,
          pf.evaluation_score::float8 AS "evaluationScore", pf.computed_status AS "computedStatus",
          pf.override_status AS "overrideStatus", pf.status, pf.service_mode AS "serviceMode", pf.company_id::text AS "companyId",
          pf.cluster_id::text AS "clusterId"
        FROM property_profile pf LEFT JOIN property_company co ON co.tenant_id = pf.tenant_id AND co.id = pf.company_id
        WHERE pf.tenant_id = ${tenantId}
        ${compoundIds ? sql`AND pf.compound_id = ANY (${`{${compoundIds.join(',')}}`}::uuid[])` : sql``}`,
    );
  }

  /** Sets the computed status (and the effective one where not overridden) of many profiles at once. */
  async setComputed(tenantId: string, changes: { compoundId: string; status: ManagementStatus }[]): Promise<void> {
    for (let i = 0; i < changes.length; i += 1000) {
      const chunk = changes.slice(i, i + 1000);
      await this.db.execute(sql`UPDATE property_profile pf SET computed_status = v.status,
          status = COALESCE(pf.override_status, v.status), updated_at = now()
        FROM (VALUES ${sql.join(
          chunk.map((c) => sql`(${c.compoundId}::uuid, ${c.status})`),
          sql`, `,
        )}) AS v(id, status)
        WHERE pf.tenant_id = ${tenantId} AND pf.compound_id = v.id`);
    }
  }

  /**
   * Keeps the scores of an evaluation round (one per compound; a round handed over again replaces its
   * scores) and makes them the profiles' latest where no later round's score is already there.
   * Compounds without a profile keep the score only in property_compound_score.
   */
  async recordScores(
    tenantId: string,
    round: { id: string; period: string },
    scores: { compoundId: string; score: number; companyId: string | null }[],
  ): Promise<void> {
    for (let i = 0; i < scores.length; i += 500) {
      const chunk = scores.slice(i, i + 500);
      const values = sql.join(
        chunk.map((s) => sql`(${s.compoundId}::uuid, ${s.score}::numeric, ${s.companyId}::uuid)`),
        sql`, `,
      );
      await this.db.execute(sql`INSERT INTO property_compound_score (tenant_id, compound_id, round_id, period, score, company_id)
          SELECT ${tenantId}, v.id, ${round.id}::uuid, ${round.period}, v.score, v.company FROM (VALUES ${values}) AS v(id, score, company)
          ON CONFLICT (tenant_id, compound_id, round_id) DO UPDATE SET score = EXCLUDED.score, company_id = EXCLUDED.company_id, recorded_at = now()`);
      await this.db.execute(sql`UPDATE property_profile pf SET evaluation_score = v.score, evaluation_period = ${round.period},
            evaluation_round_id = ${round.id}::uuid, updated_at = now()
          FROM (VALUES ${values}) AS v(id, score, company)
          WHERE pf.tenant_id = ${tenantId} AND pf.compound_id = v.id
            AND (pf.evaluation_period IS NULL OR pf.evaluation_period <= ${round.period})`);
    }
  }

  /** A compound's evaluation scores, newest period first (at most `limit`). */
  scores(
    tenantId: string,
    compoundId: string,
    limit = 8,
  ): Promise<{ roundId: string; period: string; score: number; companyId: string | null }[]> {
    return rows(
      this.db,
      sql`SELECT round_id::text AS "roundId", period, score::float8 AS score, company_id::text AS "companyId"
          FROM property_compound_score WHERE tenant_id = ${tenantId} AND compound_id = ${compoundId}::uuid
          ORDER BY period DESC, recorded_at DESC LIMIT ${limit}`,
    );
  }

  async addHistory(tenantId: string, entries: HistoryRow[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = entries.slice(i, i + 500);
      await this.db.execute(sql`INSERT INTO property_status_change
          (tenant_id, id, compound_id, source, status_from, status_to, service_mode, company_id, cluster_id, criteria_version, reason, changed_by)
        VALUES ${sql.join(
          chunk.map(
            (
              e,
            ) => sql`(${tenantId}, ${newId()}, ${e.compoundId}::uuid, ${e.source}, ${e.statusFrom}, ${e.statusTo}, ${e.serviceMode ?? null},
              ${e.companyId ?? null}::uuid, ${e.clusterId ?? null}::uuid, ${e.criteriaVersion ?? null}::int, ${e.reason ?? null}, ${e.changedBy ?? null}::uuid)`,
          ),
          sql`, `,
        )}`);
    }
  }

  /** The ids among `ids` that are not compounds of the tenant. */
  async notCompounds(tenantId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await rows<{ id: string }>(
      this.db,
      sql`SELECT n.id::text AS id FROM ${territorySql.nodes('n')}
          WHERE n.tenant_id = ${tenantId} AND n.id = ANY (${`{${ids.join(',')}}`}::uuid[]) AND n.kind = 'compound'`,
    );
    const compounds = new Set(found.map((r) => r.id));
    return ids.filter((id) => !compounds.has(id.toLowerCase()));
  }
}
