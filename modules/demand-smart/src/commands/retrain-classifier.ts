import { type AuditEntry, auditEntry, emitEvents, newId, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { requireConfigure } from '@linli/demands';
import { builtinClassifier } from '../builtin.ts';
import { ClassifierRepository } from '../classifier.repository.ts';
import type { ClassifierStatus } from '../contract.ts';
import { MIN_TENANT_SAMPLES, withClassNames } from '../current-classifier.ts';
import { modelCache } from '../model-cache.ts';
import { trainOffThread } from '../train-off-thread.ts';
import type { TrainedClassifier } from '../training.ts';

/** Who retrains: a signed-in user with demand.configure on the county, or a command-line run for one tenant. */
export type Retrainer = { ctx: RequestContext } | { system: string; tenantId: string };

export interface RetrainOptions {
  /** Fewest handled demands for the tenant's own model (default MIN_TENANT_SAMPLES). */
  minTenantSamples?: number;
  /** Most recent handled demands to learn from (default 50 000). */
  maxSamples?: number;
  now?: Date;
}

/**
 * Retrains the tenant's classifier: on its resolved, evaluated and closed demands (title and
 * description → category code, and the level where it was finally handled) when it has at least
 * `minTenantSamples` of them in two or more categories, otherwise on the built-in synthetic corpus.
 * For each target the features, naive Bayes variant, smoothing and weight of the built-in prior
 * are chosen by 5-fold cross-validation on those demands (training.ts); the chosen setting, its
 * cross-validated accuracy and per-class recall are stored and returned. Held-out accuracy is
 * measured on a deterministic 20 % split; the stored model is trained on everything. Training runs in a worker thread (the server keeps answering) and before the
 * transaction, so the audit chain is locked only for the write. The in-memory cache is replaced after commit.
 */
export async function retrainClassifier(db: Db, by: Retrainer, options: RetrainOptions = {}): Promise<ClassifierStatus> {
  if ('ctx' in by) await requireConfigure(db, by.ctx);
  const tenantId = 'ctx' in by ? by.ctx.actor.tenantId : by.tenantId;
  const minTenantSamples = options.minTenantSamples ?? MIN_TENANT_SAMPLES;
  const now = options.now ?? new Date();
  const repo = new ClassifierRepository(db);
  const { examples, total } = await repo.trainingExamples(tenantId, options.maxSamples ?? 50_000);
  const ownEnough = total >= minTenantSamples && new Set(examples.map((e) => e.category)).size >= 2;
  let trained: TrainedClassifier;
  if (ownEnough) {
    trained = await trainOffThread(examples, {
      source: 'tenant',
      tenantSamples: total,
      minTenantSamples,
      trainedAt: now,
      builtinPrior: true,
    });
  } else {
    const builtin = builtinClassifier();
    trained = { models: builtin.models, stats: { ...builtin.stats, tenantSamples: total, minTenantSamples, trainedAt: now.toISOString() } };
  }
  const modelId = newId();
  const trainedBy = 'ctx' in by ? by.ctx.actor.accountId : null;
  const { stats } = trained;
  const details = {
    source: stats.source,
    sampleSize: stats.sampleSize,
    tenantSamples: stats.tenantSamples,
    categoryAccuracy: stats.category.accuracy,
    levelAccuracy: stats.level.accuracy,
    categorySetting: stats.category.crossValidation?.setting ?? null,
    categoryCvAccuracy: stats.category.crossValidation?.accuracy ?? null,
  };
  const audit: AuditEntry =
    'ctx' in by
      ? auditEntry(by.ctx, 'demand.classifier.retrain', { type: 'demand_classifier', id: modelId }, details)
      : {
          tenantId,
          actorId: null,
          actorName: by.system,
          action: 'demand.classifier.retrain',
          targetType: 'demand_classifier',
          targetId: modelId,
          details,
        };
  await db.transaction(async (tx) => {
    await new ClassifierRepository(tx).save({ tenantId, modelId, trainedBy, stats, models: trained.models });
    await recordAudit(tx, audit);
    await emitEvents(tx, {
      tenantId,
      type: 'demand_classifier.retrained',
      aggregateType: 'demand_classifier',
      aggregateId: modelId,
      payload: details,
    });
  });
  modelCache.replace(tenantId, modelId, trained);
  return withClassNames(await repo.categoryNames(tenantId), {
    trained: true,
    modelId,
    trainedBy: 'ctx' in by ? by.ctx.actor.username : null,
    ...stats,
  });
}
