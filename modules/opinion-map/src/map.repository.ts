import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { AnalysisResult, KState } from './analysis/opinion-analysis.ts';

export interface CachedMap {
  dataVersion: number;
  priorKState: KState | null;
  kState: KState | null;
  result: AnalysisResult;
  computedAt: string;
}

/** The computed map of each conversation, kept until the conversation's data version moves on. */
export class MapRepository {
  constructor(private readonly db: Db) {}

  get(tenantId: string, conversationId: string): Promise<CachedMap | undefined> {
    return one<CachedMap>(
      this.db,
      sql`SELECT data_version AS "dataVersion", prior_k_state AS "priorKState", k_state AS "kState", result,
          to_char(computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "computedAt"
        FROM opinion_map WHERE tenant_id = ${tenantId} AND conversation_id = ${conversationId}`,
    );
  }

  /** Stores a computation unless a newer one (of a later data version) was stored meanwhile. */
  async put(tenantId: string, conversationId: string, map: Omit<CachedMap, 'computedAt'>): Promise<void> {
    const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
    await this.db.execute(sql`INSERT INTO opinion_map (tenant_id, conversation_id, data_version, prior_k_state, k_state, result)
      VALUES (${tenantId}, ${conversationId}, ${map.dataVersion}, ${json(map.priorKState)}::jsonb, ${json(map.kState)}::jsonb, ${JSON.stringify(map.result)}::jsonb)
      ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET data_version = EXCLUDED.data_version, prior_k_state = EXCLUDED.prior_k_state,
        k_state = EXCLUDED.k_state, result = EXCLUDED.result, computed_at = now()
      WHERE opinion_map.data_version <= EXCLUDED.data_version`);
  }
}
