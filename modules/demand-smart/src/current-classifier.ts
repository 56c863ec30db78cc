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

/** What GET /demand-classifier shows: the stored model's numbers, or the built-in model's when never retrained. */
export async function classifierStatus(db: Db, tenantId: string): Promise<ClassifierStatus> {
  const stored = await new ClassifierRepository(db).status(tenantId);
  if (stored) {
    return { trained: true, modelId: stored.modelId, trainedBy: stored.trainedBy, ...stored.stats, trainedAt: stored.trainedAt };
  }
  const { stats } = builtinClassifier();
  return { trained: false, modelId: null, trainedBy: null, ...stats, minTenantSamples: MIN_TENANT_SAMPLES };
}
