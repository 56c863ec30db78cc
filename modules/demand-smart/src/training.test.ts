import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORY_CODES, builtinClassifier } from './builtin.ts';
import { predict } from './classifier.ts';
import { DEMAND_CATEGORIES, generateDemands, HANDLING_LEVELS } from './synthetic-demands.ts';
import { DEFAULT_SETTING, demandText, majorityBaseline, trainClassifier } from './training.ts';

describe('demandText', () => {
  it('does not repeat a title that intake derived from the description', () => {
    expect(demandText('楼道灯坏了', '楼道灯坏了，晚上很黑')).toBe('楼道灯坏了，晚上很黑');
    expect(demandText('楼上装修噪音从早到晚持续不断…', '楼上装修噪音从早到晚持续不断，周末也不停')).toBe(
      '楼上装修噪音从早到晚持续不断，周末也不停',
    );
    expect(demandText('电梯困人', '今天下午三点被困半小时')).toBe('电梯困人\n今天下午三点被困半小时');
    expect(demandText(undefined, ' 路灯不亮 ')).toBe('路灯不亮');
  });
});

describe('majorityBaseline', () => {
  it('is the share of held-out examples carrying the most frequent training label', () => {
    const training = [{ label: 'a' }, { label: 'a' }, { label: 'b' }];
    expect(majorityBaseline(training, [{ label: 'a' }, { label: 'b' }, { label: 'b' }, { label: 'a' }])).toBe(0.5);
    expect(majorityBaseline(training, [{ label: 'b' }])).toBe(0);
    expect(majorityBaseline(training, [])).toBe(0);
  });
});

describe('trainClassifier', () => {
  const demands = generateDemands({ count: 1500, seed: 11 }).map((d) => ({ text: d.text, category: d.category, level: d.level }));

  it('beats the majority-class baseline on its held-out split, for the category and for the level', () => {
    const { stats } = trainClassifier(demands, { source: 'tenant', tenantSamples: 1500, minTenantSamples: 200 });
    console.info(
      `held-out (${stats.category.heldOut}): category ${stats.category.accuracy} vs baseline ${stats.category.majorityBaseline}; ` +
        `level ${stats.level.accuracy} vs baseline ${stats.level.majorityBaseline}`,
    );
    // About 20 % of each label held out: 300 of 1500, give or take the rounding per label.
    expect(Math.abs(stats.category.heldOut - 300)).toBeLessThanOrEqual(5);
    expect(Math.abs(stats.level.heldOut - 300)).toBeLessThanOrEqual(2);
    // Measured, not fixed: the model must do much better than always answering the commonest label.
    expect(stats.category.accuracy).toBeGreaterThan(stats.category.majorityBaseline + 0.4);
    expect(stats.level.accuracy).toBeGreaterThan(stats.level.majorityBaseline + 0.15);
    expect(stats.category.top3Accuracy).toBeGreaterThanOrEqual(stats.category.accuracy);
    expect(stats).toMatchObject({ source: 'tenant', sampleSize: 1500, tenantSamples: 1500, minTenantSamples: 200, version: 1 });
    expect(stats.category.labels).toBe(10);
    expect(stats.level.labels).toBe(4);
    expect(stats.vocabularySize).toBeGreaterThan(500);
  });

  it('chooses its setting by 5-fold cross-validation and reports the cross-validated accuracy and recall of every class', () => {
    const { stats, models } = trainClassifier(demands, { source: 'tenant', tenantSamples: 1500, minTenantSamples: 200 });
    const cv = stats.category.crossValidation!;
    expect(cv.folds).toBe(5);
    expect(cv.examples).toBe(1500);
    expect(cv.perClass.map((c) => c.label)).toEqual([...DEMAND_CATEGORIES].sort());
    expect(cv.perClass.reduce((n, c) => n + c.support, 0)).toBe(1500);
    expect(cv.accuracy).toBeGreaterThan(stats.category.majorityBaseline + 0.4);
    expect(cv.meanRecall).toBeCloseTo(cv.perClass.reduce((a, c) => a + c.recall, 0) / cv.perClass.length, 3);
    // The stored models are trained with the chosen settings.
    expect(models.category.setting).toEqual(cv.setting);
    expect(models.level.setting).toEqual(stats.level.crossValidation!.setting);
    expect(stats.level.crossValidation!.perClass.map((c) => c.label)).toEqual([...HANDLING_LEVELS].sort());
  });

  it('weighs a built-in prior in only where cross-validation finds it helps, and never counts it as a document', () => {
    const few = demands.slice(0, 300);
    const prior = generateDemands({ count: 1000, seed: 5 }).map((d) => ({ text: d.text, label: d.category }));
    const { stats, models } = trainClassifier(few, {
      source: 'tenant',
      tenantSamples: 300,
      minTenantSamples: 200,
      prior: { category: prior },
    });
    const setting = stats.category.crossValidation!.setting;
    expect(models.category.setting).toEqual(setting);
    expect(Object.values(models.category.documents).reduce((a, b) => a + b, 0)).toBe(300);
    expect([0, 0.03, 0.1, 0.3, 1]).toContain(setting.priorWeight);
  });

  it('trains with the default setting and no cross-validation when asked (the built-in model)', () => {
    const { stats, models } = trainClassifier(demands.slice(0, 300), {
      source: 'builtin',
      tenantSamples: 0,
      minTenantSamples: 0,
      selection: false,
    });
    expect(stats.category.crossValidation).toBeNull();
    expect(models.category.setting).toEqual(DEFAULT_SETTING);
  });

  it('gives the same numbers for the same demands (deterministic split and training)', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const options = { source: 'tenant' as const, tenantSamples: 1500, minTenantSamples: 200, trainedAt: at };
    expect(trainClassifier(demands, options)).toEqual(trainClassifier(demands, options));
  });

  it('stores a model trained on every demand, which survives JSON', () => {
    const { models } = trainClassifier(demands, { source: 'tenant', tenantSamples: 1500, minTenantSamples: 200 });
    expect(Object.values(models.category.documents).reduce((a, b) => a + b, 0)).toBe(1500);
    const copy = JSON.parse(JSON.stringify(models)) as typeof models;
    expect(predict(copy.category, '小区路灯坏了晚上很黑')).toEqual(predict(models.category, '小区路灯坏了晚上很黑'));
  });
});

describe('builtinClassifier', () => {
  it('speaks in default taxonomy codes and is trained once per process', () => {
    const builtin = builtinClassifier();
    expect(builtinClassifier()).toBe(builtin);
    expect(builtin.models.category.labels).toEqual(Object.values(BUILTIN_CATEGORY_CODES).sort());
    expect(predict(builtin.models.category, '楼道里有人给电动车飞线充电，太危险了', 1)[0]!.label).toBe('safety');
    expect(predict(builtin.models.level, '路口红绿灯坏了，车和人都乱走', 1)[0]!.label).toBe('department');
    expect(builtin.stats.category.accuracy).toBeGreaterThan(builtin.stats.category.majorityBaseline + 0.4);
  });
});
