import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { ScoreRow, Weights, WeightsBody } from './contract.ts';
import { defaultWeights } from './vocabulary.ts';

/** A compound the combined score covers: under the round's place, with a profile, ratings or an inspection. */
export interface ScoredCompound {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
  communityPath: string;
  companyId: string | null;
  companyName: string | null;
}

/**
 * SQL of the combined score: the county's versioned weights, the compounds a round covers, and what a
 * round kept when it closed (its weights and every compound's and company's score). The round itself
 * is checked in scope by RoundRepository before any of these are read.
 */
export class ScoreRepository {
  constructor(private readonly db: Db) {}

  async currentWeights(tenantId: string): Promise<Weights> {
    const row = await one<Weights>(
      this.db,
      sql`SELECT version, residents::float8 AS residents, demands::float8 AS demands, inspections::float8 AS inspections, note,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
          FROM property_evaluation_weights WHERE tenant_id = ${tenantId} ORDER BY version DESC LIMIT 1`,
    );
    return row ?? { ...defaultWeights, note: null, createdAt: null };
  }

  async addWeights(tenantId: string, input: WeightsBody & { createdBy: string }): Promise<number> {
    const row = await one<{ version: number }>(
      this.db,
      sql`INSERT INTO property_evaluation_weights (tenant_id, version, residents, demands, inspections, note, created_by)
          SELECT ${tenantId}, COALESCE(max(version), 0) + 1, ${input.residents}, ${input.demands}, ${input.inspections},
            ${input.note ?? null}, ${input.createdBy}::uuid
          FROM property_evaluation_weights WHERE tenant_id = ${tenantId} RETURNING version`,
    );
    return Number(row?.version);
  }

  /** Compounds under the place with a property profile, a rating in the round, or an inspection in [from, to]. */
  compounds(tenantId: string, placePath: string, roundId: string, from: string, to: string): Promise<ScoredCompound[]> {
    return rows<ScoredCompound>(
      this.db,
      sql`SELECT k.id::text, k.name, c.id::text AS "communityId", c.name AS "communityName", c.path::text AS "communityPath",
            co.id::text AS "companyId", co.name AS "companyName"
          FROM ${territorySql.nodes('k')}
          JOIN ${territorySql.nodes('c')} ON c.tenant_id = k.tenant_id AND c.id = k.parent_id
          LEFT JOIN property_profile p ON p.tenant_id = k.tenant_id AND p.compound_id = k.id
          LEFT JOIN property_company co ON co.tenant_id = p.tenant_id AND co.id = p.company_id
          WHERE k.tenant_id = ${tenantId} AND k.kind = 'compound' AND k.path <@ ${placePath}::ltree
            AND (p.compound_id IS NOT NULL
              OR EXISTS (SELECT 1 FROM property_evaluation_rating x WHERE x.tenant_id = k.tenant_id AND x.round_id = ${roundId}::uuid AND x.compound_id = k.id)
              OR EXISTS (SELECT 1 FROM property_inspection i WHERE i.tenant_id = k.tenant_id AND i.compound_id = k.id
                AND i.inspected_on BETWEEN ${from}::date AND ${to}::date))
          ORDER BY k.path`,
    );
  }

  /** Keeps a closing round's weights and scores (once: a round closes once). */
  async saveResult(
    tenantId: string,
    input: {
      roundId: string;
      weights: Weights;
      from: string;
      to: string;
      closedBy: string;
      compounds: ScoreRow[];
      companies: ScoreRow[];
    },
  ): Promise<void> {
    const w = input.weights;
    await this.db.execute(sql`INSERT INTO property_evaluation_result (tenant_id, round_id, weights_version, residents, demands, inspections, from_day, to_day, closed_by)
      VALUES (${tenantId}, ${input.roundId}::uuid, ${w.version}, ${w.residents}, ${w.demands}, ${w.inspections}, ${input.from}::date, ${input.to}::date, ${input.closedBy}::uuid)`);
    const all = [...input.compounds.map((r) => ['compound', r] as const), ...input.companies.map((r) => ['company', r] as const)];
    for (let i = 0; i < all.length; i += 300) {
      const values: SQL[] = all.slice(i, i + 300).map(
        ([
          kind,
          r,
        ]) => sql`(${tenantId}, ${input.roundId}::uuid, ${kind}, ${r.id}::uuid, ${r.name}, ${r.communityName}, ${r.compounds}, ${r.rank},
          ${r.combined}::numeric, ${r.residentScore}::numeric, ${r.ratings}, ${r.demandsResolved}, ${r.onTimeRate}::numeric, ${r.demandsEvaluated},
          ${r.satisfactionRate}::numeric, ${r.demandScore}::numeric, ${r.inspectionItems}, ${r.inspectionPassed}, ${r.inspectionScore}::numeric)`,
      );
      await this.db.execute(sql`INSERT INTO property_evaluation_score (tenant_id, round_id, kind, subject_id, name, community_name, compounds, rank,
          combined, resident_score, ratings, demands_resolved, on_time_rate, demands_evaluated, satisfaction_rate, demand_score,
          inspection_items, inspection_passed, inspection_score) VALUES ${sql.join(values, sql`, `)}`);
    }
  }

  /** What a closed round kept: its weights and period, or undefined (closed before combined scores existed). */
  result(tenantId: string, roundId: string): Promise<{ weights: Weights; from: string; to: string } | undefined> {
    return one<{ weights: Weights; from: string; to: string }>(
      this.db,
      sql`SELECT json_build_object('version', weights_version, 'residents', residents::float8, 'demands', demands::float8,
            'inspections', inspections::float8, 'note', NULL, 'createdAt', NULL) AS weights, from_day::text AS "from", to_day::text AS "to"
          FROM property_evaluation_result WHERE tenant_id = ${tenantId} AND round_id = ${roundId}::uuid`,
    ).then((r) => (r ? { ...r, weights: typeof r.weights === 'string' ? JSON.parse(r.weights) : r.weights } : undefined));
  }

  /** A closed round's kept scores by compound or company, ranked; `placePath` limits compounds to a place. */
  scores(tenantId: string, roundId: string, kind: 'compound' | 'company'): Promise<ScoreRow[]> {
    return rows<ScoreRow>(
      this.db,
      sql`SELECT rank, subject_id::text AS id, name, community_name AS "communityName", compounds, combined::float8 AS combined,
            resident_score::float8 AS "residentScore", ratings, demands_resolved AS "demandsResolved", on_time_rate::float8 AS "onTimeRate",
            demands_evaluated AS "demandsEvaluated", satisfaction_rate::float8 AS "satisfactionRate", demand_score::float8 AS "demandScore",
            inspection_items AS "inspectionItems", inspection_passed AS "inspectionPassed", inspection_score::float8 AS "inspectionScore"
          FROM property_evaluation_score WHERE tenant_id = ${tenantId} AND round_id = ${roundId}::uuid AND kind = ${kind}
          ORDER BY rank, name`,
    );
  }
}
