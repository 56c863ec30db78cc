/**
 * Trained classifiers in memory, so a suggestion costs a prediction and not a multi-megabyte jsonb
 * read. The key is the tenant and the model id, which is new on every retrain: a request reads the
 * current model id with its other look-ups (one small query) and a retrain in another server
 * process — or another database in the same test process — is never served from a stale entry.
 * A retrain in this process also evicts the tenant's older entries at once.
 */
import type { ClassifierModels, ClassifierStats } from './training.ts';

export interface CachedClassifier {
  stats: ClassifierStats;
  models: ClassifierModels;
}

const MAX_ENTRIES = 64;
const entries = new Map<string, CachedClassifier>();

const key = (tenantId: string, modelId: string) => `${tenantId}\u0000${modelId}`;

export const modelCache = {
  get(tenantId: string, modelId: string): CachedClassifier | undefined {
    const k = key(tenantId, modelId);
    const hit = entries.get(k);
    if (hit) {
      // Most recently used last, so the oldest is evicted first.
      entries.delete(k);
      entries.set(k, hit);
    }
    return hit;
  },
  set(tenantId: string, modelId: string, value: CachedClassifier): void {
    entries.set(key(tenantId, modelId), value);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  },
  /** After a retrain: drop the tenant's other models. */
  replace(tenantId: string, modelId: string, value: CachedClassifier): void {
    for (const k of [...entries.keys()]) if (k.startsWith(`${tenantId}\u0000`)) entries.delete(k);
    this.set(tenantId, modelId, value);
  },
  size(): number {
    return entries.size;
  },
};
