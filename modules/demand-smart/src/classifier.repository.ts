import { type Db, one, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { ClassifierModels, ClassifierStats, LabelledDemand } from './training.ts';
import { demandText } from './training.ts';

/** Statuses of a demand whose category and level are final enough to learn from. */
export const HANDLED_STATUSES = ['resolved', 'evaluated', 'closed'] as const;

export interface StoredClassifier {
  modelId: string;
  source: ClassifierStats['source'];
  trainedAt: string;
  trainedBy: string | null;
  stats: ClassifierStats;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** SQL of the per-tenant classifier row (one per tenant, replaced on retrain) and of its training data. */
export class ClassifierRepository {
  constructor(private readonly db: Db) {}

  /**
   * The tenant's handled demands, newest first, with the category code and the level they ended at
   * (dispatch, transfer and escalation move `level`, so it is where the demand was finally handled).
   * Retired categories stay: they are filtered out when a suggestion is shown.
   */
  async trainingExamples(tenantId: string, limit: number): Promise<{ examples: LabelledDemand[]; total: number }> {
    const list = await rows<{ title: string; description: string; code: string; level: string; total: number }>(
      this.db,
      sql`SELECT d.title, d.description, c.code, d.level, count(*) OVER ()::int AS total
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE d.tenant_id = ${tenantId} AND d.status IN ('resolved', 'evaluated', 'closed')
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${limit}`,
    );
    return {
      examples: list.map((r) => ({ text: demandText(r.title, r.description), category: r.code, level: r.level })),
      total: list[0]?.total ?? 0,
    };
  }

  /** The tenant's resolved, evaluated and closed demands (what a retrain would learn from). */
  async handledCount(tenantId: string): Promise<number> {
    const r = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM demand WHERE tenant_id = ${tenantId} AND status IN ('resolved', 'evaluated', 'closed')`,
    );
    return r?.n ?? 0;
  }

  /** Category code → name, for the per-class figures. */
  async categoryNames(tenantId: string): Promise<Map<string, string>> {
    const list = await rows<{ code: string; name: string }>(
      this.db,
      sql`SELECT code, name FROM demand_category WHERE tenant_id = ${tenantId}`,
    );
    return new Map(list.map((r) => [r.code, r.name]));
  }

  async status(tenantId: string): Promise<StoredClassifier | undefined> {
    const r = await one<{
      model_id: string;
      source: StoredClassifier['source'];
      trained_at: Date | string;
      username: string | null;
      stats: unknown;
    }>(
      this.db,
      sql`SELECT m.model_id, m.source, m.trained_at, a.username, m.stats
          FROM demand_classifier m LEFT JOIN account a ON a.id = m.trained_by
          WHERE m.tenant_id = ${tenantId}`,
    );
    if (!r) return undefined;
    return {
      modelId: r.model_id,
      source: r.source,
      trainedAt: new Date(r.trained_at).toISOString(),
      trainedBy: r.username,
      stats: json<ClassifierStats>(r.stats),
    };
  }

  async models(tenantId: string, modelId: string): Promise<{ stats: ClassifierStats; models: ClassifierModels } | undefined> {
    const r = await one<{ stats: unknown; model: unknown }>(
      this.db,
      sql`SELECT stats, model FROM demand_classifier WHERE tenant_id = ${tenantId} AND model_id = ${modelId}::uuid`,
    );
    return r && { stats: json<ClassifierStats>(r.stats), models: json<ClassifierModels>(r.model) };
  }

  async save(row: {
    tenantId: string;
    modelId: string;
    trainedBy: string | null;
    stats: ClassifierStats;
    models: ClassifierModels;
  }): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO demand_classifier (tenant_id, model_id, source, trained_at, trained_by, sample_size, stats, model)
          VALUES (${row.tenantId}, ${row.modelId}::uuid, ${row.stats.source}, ${row.stats.trainedAt}::timestamptz, ${row.trainedBy}::uuid,
                  ${row.stats.sampleSize}, ${JSON.stringify(row.stats)}::jsonb, ${JSON.stringify(row.models)}::jsonb)
          ON CONFLICT (tenant_id) DO UPDATE SET model_id = EXCLUDED.model_id, source = EXCLUDED.source,
            trained_at = EXCLUDED.trained_at, trained_by = EXCLUDED.trained_by, sample_size = EXCLUDED.sample_size,
            stats = EXCLUDED.stats, model = EXCLUDED.model`,
    );
  }
}
