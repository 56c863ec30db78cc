import type { Db } from '@linli/db';
import { builtinClassifier } from './builtin.ts';
import { ClassifierRepository } from './classifier.repository.ts';
import type { ClassifierStatus } from './contract.ts';
import { type CachedClassifier, modelCache } from './model-cache.ts';

/** Fewest handled demands (resolved, evaluated, closed) before a county's own model replaces the built-in one. */
export const MIN_TENANT_SAMPLES = 200;

/**
 * The classifier that answers for a tenant now: the stored model `modelId` (from the cache, or
 * read once and cached), or the built-in one when the tenant never retrained.
 */
export async function classifierFor(db: Db, tenantId: string, modelId: string | null): Promise<CachedClassifier> {
  if (!modelId) return builtinClassifier();
  const cached = modelCache.get(tenantId, modelId);
  if (cached) return cached;
  const loaded = await new ClassifierRepository(db).models(tenantId, modelId);
  // Replaced by a retrain between the two reads: the next request picks up the new one.
  if (!loaded) return builtinClassifier();
  modelCache.set(tenantId, modelId, loaded);
  return loaded;
}

/**
 * What GET /demand-classifier shows: the stored model's numbers, or the built-in model's when never
 * retrained — then with the county's handled demands counted now, so the page says how many a
 * retrain would learn from (not the built-in model's 0).
 */
export async function classifierStatus(db: Db, tenantId: string): Promise<ClassifierStatus> {
  const repo = new ClassifierRepository(db);
  const stored = await repo.status(tenantId);
  if (stored) {
    return withClassNames(await repo.categoryNames(tenantId), {
      trained: true,
      modelId: stored.modelId,
      trainedBy: stored.trainedBy,
      ...stored.stats,
      trainedAt: stored.trainedAt,
    });
  }
  const { stats } = builtinClassifier();
  const tenantSamples = await repo.handledCount(tenantId);
  return { trained: false, modelId: null, trainedBy: null, ...stats, tenantSamples, minTenantSamples: MIN_TENANT_SAMPLES };
}

/** The category names beside the codes of the per-class figures. */
export function withClassNames(names: ReadonlyMap<string, string>, status: ClassifierStatus): ClassifierStatus {
  const cv = status.category.crossValidation;
  if (!cv) return status;
  const perClass = cv.perClass.map((c) => {
    const name = names.get(c.label);
    return name === undefined ? c : { ...c, name };
  });
  return { ...status, category: { ...status.category, crossValidation: { ...cv, perClass } } };
}
