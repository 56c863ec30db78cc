import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, contextOf, countWhere, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifierFor, classifierStatus } from '../current-classifier.ts';
import { suggestFor } from '../suggest.ts';
import { generateDemands } from '../synthetic-demands.ts';
import { insertDemands } from '../testing.ts';
import { retrainClassifier } from './retrain-classifier.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

// This county files its demands one level down the default tree: the classifier must learn that
// from its own handled demands (the built-in model answers with the top categories).
const TENANT_CODES: Record<string, string> = {
  环境卫生: 'garbage',
  物业管理: 'elevator',
  停车管理: 'illegal_parking',
  邻里纠纷: 'leakage',
  市政设施: 'street_light',
  安全隐患: 'fire_lane',
  养老服务: 'home_care',
  政策咨询: 'social_assistance',
  噪音扰民: 'noise',
  供暖供水: 'water_supply',
};
const ELEVATOR_TEXT = '物业不作为，电梯坏了好几天没人修，老人上下楼很困难';

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, message: e.message }));
const suggest = () => suggestFor(database.db, world.ctx.grid, { description: ELEVATOR_TEXT });

describe('retrainClassifier', () => {
  it('answers with the built-in model before any retrain, and says so', async () => {
    const status = await classifierStatus(database.db, world.tenantId);
    expect(status).toMatchObject({ trained: false, modelId: null, source: 'builtin', minTenantSamples: 200 });
    const s = await suggest();
    expect(s.source).toBe('builtin');
    expect(s.modelTrainedAt).toBeNull();
    expect(s.categories[0]).toMatchObject({ code: 'property', categoryId: world.categories.property, name: '物业管理' });
  });

  it('falls back to the built-in corpus below the threshold, stores it with the tenant’s count, audits and emits', async () => {
    await insertDemands(
      database.db,
      world,
      generateDemands({ count: 50, seed: 1 }).map((d) => ({ text: d.text, category: TENANT_CODES[d.category]!, level: d.level })),
    );
    const audits = await countWhere(database.db, 'audit_event', 'action', 'demand.classifier.retrain');
    const status = await retrainClassifier(database.db, { ctx: admin });
    expect(status).toMatchObject({ trained: true, source: 'builtin', tenantSamples: 50, minTenantSamples: 200, sampleSize: 3000 });
    expect(status.category.accuracy).toBeGreaterThan(status.category.majorityBaseline + 0.4);
    expect(await countWhere(database.db, 'audit_event', 'action', 'demand.classifier.retrain')).toBe(audits + 1);
    expect(await countWhere(database.db, 'outbox_event', 'type', 'demand_classifier.retrained')).toBeGreaterThan(0);
    expect(await classifierStatus(database.db, world.tenantId)).toEqual({ ...status, trainedBy: admin.actor.username });
    expect((await suggest()).source).toBe('builtin');
  });

  it('counts the county’s handled demands on the status before its first retrain (not the built-in model’s 0)', async () => {
    const other = await createTestDatabase();
    try {
      const w = await buildDemandWorld(other.db);
      await insertDemands(other.db, w, [
        { text: '路灯不亮', category: 'street_light', status: 'closed' },
        { text: '垃圾没人清运', category: 'garbage', status: 'resolved' },
        { text: '电梯坏了', category: 'elevator', status: 'in_progress' },
      ]);
      expect(await classifierStatus(other.db, w.tenantId)).toMatchObject({ trained: false, source: 'builtin', tenantSamples: 2 });
    } finally {
      await other.close();
    }
  });

  it('trains on the county’s own handled demands once it has enough, measured on a held-out split, and suggests from them at once', async () => {
    const own = generateDemands({ count: 400, seed: 2 });
    await insertDemands(
      database.db,
      world,
      own.map((d, i) => ({
        text: d.text,
        category: TENANT_CODES[d.category]!,
        level: d.level,
        status: ['resolved', 'evaluated', 'closed'][i % 3],
      })),
    );
    // Open and rejected demands are not learned from.
    await insertDemands(database.db, world, [
      { text: ELEVATOR_TEXT, category: 'parking', status: 'in_progress' },
      { text: ELEVATOR_TEXT, category: 'parking', status: 'rejected' },
    ]);
    const status = await retrainClassifier(database.db, { ctx: admin });
    expect(status).toMatchObject({ source: 'tenant', tenantSamples: 450, sampleSize: 450 });
    console.info(
      `tenant model: category ${status.category.accuracy} (baseline ${status.category.majorityBaseline}), ` +
        `level ${status.level.accuracy} (baseline ${status.level.majorityBaseline}) on ${status.category.heldOut} held out`,
    );
    expect(status.category.heldOut).toBeGreaterThanOrEqual(85);
    expect(status.category.accuracy).toBeGreaterThan(status.category.majorityBaseline + 0.3);
    expect(status.level.accuracy).toBeGreaterThan(status.level.majorityBaseline + 0.1);
    // The setting chosen by cross-validation on these demands, with its accuracy and every category's recall by name.
    const cv = status.category.crossValidation!;
    expect(cv).toMatchObject({ folds: 5, examples: 450 });
    expect(['words', 'words+bigrams', 'words+chars13', 'chars13']).toContain(cv.setting.features);
    expect(['multinomial', 'balanced', 'complement']).toContain(cv.setting.variant);
    expect(cv.accuracy).toBeGreaterThan(status.category.majorityBaseline + 0.3);
    expect(cv.perClass).toHaveLength(10);
    expect(cv.perClass.find((c) => c.label === 'elevator')).toMatchObject({ name: '电梯故障' });
    expect(cv.perClass.every((c) => c.recall >= 0 && c.recall <= 1 && c.support > 0)).toBe(true);
    expect(await classifierStatus(database.db, world.tenantId)).toMatchObject({ category: { crossValidation: cv } });
    const [audit] = await database.query<{ details: { categoryCvAccuracy: number } }>(
      `SELECT details FROM audit_event WHERE action = 'demand.classifier.retrain' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit!.details.categoryCvAccuracy).toBe(cv.accuracy);
    const s = await suggest();
    expect(s.source).toBe('tenant');
    expect(s.modelTrainedAt).toBe(status.trainedAt);
    expect(s.categories[0]).toMatchObject({ code: 'elevator', categoryId: world.categories.elevator, name: '电梯故障' });
  }, 240_000);

  it('records a command-line retrain with the name of the run and no account', async () => {
    const status = await retrainClassifier(
      database.db,
      { system: 'cli:demands:retrain', tenantId: world.tenantId },
      { minTenantSamples: 10_000 },
    );
    expect(status).toMatchObject({ source: 'builtin', trainedBy: null, tenantSamples: 450, minTenantSamples: 10_000 });
    const [audit] = await database.query<{ actor_name: string; actor_id: string | null; details: { source: string } }>(
      `SELECT actor_name, actor_id, details FROM audit_event WHERE action = 'demand.classifier.retrain' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audit).toMatchObject({ actor_name: 'cli:demands:retrain', actor_id: null, details: { source: 'builtin' } });
    expect((await suggest()).source).toBe('builtin');
  });

  it('keeps the model in memory per model id, and notices a retrain made by another process', async () => {
    const { modelId } = await classifierStatus(database.db, world.tenantId);
    const first = await classifierFor(database.db, world.tenantId, modelId);
    expect(await classifierFor(database.db, world.tenantId, modelId)).toBe(first);
    // Another server process retrains: the row gets a new model id, which the next suggestion reads.
    await database.query(
      `UPDATE demand_classifier SET model_id = '01900000-0000-7000-8000-0000000000aa', source = 'tenant',
      stats = jsonb_set(stats, '{source}', '"tenant"') WHERE tenant_id = $1`,
      [world.tenantId],
    );
    expect((await suggest()).source).toBe('tenant');
    await database.query(`UPDATE demand_classifier SET model_id = $2 WHERE tenant_id = $1`, [world.tenantId, modelId]);
  });

  it('needs demand.configure on the county: community staff get 403 and nothing changes', async () => {
    const before = await classifierStatus(database.db, world.tenantId);
    expect(await failure(retrainClassifier(database.db, { ctx: world.ctx.community }))).toMatchObject({ code: 'forbidden' });
    expect(await classifierStatus(database.db, world.tenantId)).toEqual(before);
  });
});
