import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Criteria, CriteriaBody } from './contract.ts';
import { defaultCriteria } from './vocabulary.ts';

/** SQL of the county's versioned management-status criteria (the tenant is the county). */
export class CriteriaRepository {
  constructor(private readonly db: Db) {}

  /** The newest version, or the defaults (version 0) before the county sets its own. */
  async current(tenantId: string): Promise<Criteria> {
    const row = await one<Criteria>(
      this.db,
      sql`SELECT version, well_min_collection_rate::float8 AS "wellMinCollectionRate", well_min_satisfaction::float8 AS "wellMinSatisfaction",
          well_min_evaluation_score::float8 AS "wellMinEvaluationScore", note,
          to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
        FROM property_criteria WHERE tenant_id = ${tenantId} ORDER BY version DESC LIMIT 1`,
    );
    return row ?? { ...defaultCriteria, note: null, createdAt: null };
  }

  /** Adds the next version. */
  async add(tenantId: string, input: CriteriaBody & { createdBy?: string }): Promise<number> {
    const row = await one<{ version: number }>(
      this.db,
      sql`INSERT INTO property_criteria (tenant_id, version, well_min_collection_rate, well_min_satisfaction, well_min_evaluation_score, note, created_by)
        SELECT ${tenantId}, COALESCE(max(version), 0) + 1, ${input.wellMinCollectionRate}, ${input.wellMinSatisfaction},
          ${input.wellMinEvaluationScore ?? null}::numeric, ${input.note ?? null}, ${input.createdBy ?? null}
        FROM property_criteria WHERE tenant_id = ${tenantId} RETURNING version`,
    );
    return Number(row?.version);
  }
}
