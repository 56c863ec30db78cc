import { describe, expect, it } from 'vitest';
import { evaluate, explain, holdoutEvaluation, type NaiveBayesModel, predict, splitHoldout, train } from './classifier.ts';
import { asExamples, DEMAND_CATEGORIES, generateDemands, HANDLING_LEVELS } from './synthetic-demands.ts';
import { tokenize } from './tokenize.ts';

const tiny = [
  { text: '楼道堆放杂物没人清理', label: '环境卫生' },
  { text: '垃圾清运不及时，垃圾桶满了', label: '环境卫生' },
  { text: '路灯不亮了，晚上很黑', label: '市政设施' },
  { text: '井盖破损，路上有个坑', label: '市政设施' },
  { text: '电动车在楼道充电很危险', label: '安全隐患' },
];

describe('naive Bayes classifier', () => {
  it('trains a model that survives a JSON round trip unchanged', () => {
    const model = train(tiny);
    expect(model.kind).toBe('multinomial-naive-bayes');
    expect(model.version).toBe(1);
    expect(model.labels).toEqual(['安全隐患', '市政设施', '环境卫生']);
    expect(model.documents).toEqual({ 安全隐患: 1, 市政设施: 2, 环境卫生: 2 });
    const copy = JSON.parse(JSON.stringify(model)) as NaiveBayesModel;
    expect(copy).toEqual(model);
    expect(predict(copy, '小区路灯坏了')).toEqual(predict(model, '小区路灯坏了'));
  });

  it('suggests the top 3 labels, best first, with confidences between 0 and 1 summing to at most 1', () => {
    const model = train(tiny);
    const suggestions = predict(model, '晚上路灯不亮');
    expect(suggestions).toHaveLength(3);
    expect(suggestions[0]!.label).toBe('市政设施');
    expect(suggestions.map((s) => s.confidence)).toEqual([...suggestions.map((s) => s.confidence)].sort((a, b) => b - a));
    expect(suggestions.every((s) => s.confidence >= 0 && s.confidence <= 1)).toBe(true);
    expect(suggestions.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1);
    expect(predict(model, '晚上路灯不亮', 1)).toHaveLength(1);
  });

  it('falls back to the priors for text with no known token, and gives nothing from an empty model', () => {
    const model = train(tiny);
    const suggestions = predict(model, 'xyz？！');
    expect(suggestions.map((s) => s.confidence)).toEqual([0.4, 0.4, 0.2]);
    expect(predict(train([]), '路灯不亮')).toEqual([]);
  });

  it('is not fooled by tokens that are names of Object.prototype members', () => {
    const model = train([...tiny, { text: 'constructor toString __proto__', label: '政策咨询' }]);
    expect(predict(model, 'constructor toString')[0]!.label).toBe('政策咨询');
    expect(predict(train(tiny), 'constructor hasOwnProperty')).toHaveLength(3);
  });

  it('explains a suggestion by the tokens that pushed toward it', () => {
    const model = train(tiny);
    const reasons = explain(model, '电动车在楼道里充电', '安全隐患');
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.map((r) => r.token)).toContain('充电');
    expect(reasons.every((r) => r.weight > 0)).toBe(true);
    expect(explain(model, '电动车在楼道里充电', '不存在的类别')).toEqual([]);
  });

  it('splits held-out examples deterministically and per label', () => {
    const examples = asExamples(generateDemands({ count: 500, seed: 1 }), 'category');
    const first = splitHoldout(examples, 0.2, 99);
    expect(splitHoldout(examples, 0.2, 99)).toEqual(first);
    expect(splitHoldout(examples, 0.2, 100).holdout).not.toEqual(first.holdout);
    expect(first.train.length + first.holdout.length).toBe(500);
    for (const label of new Set(examples.map((e) => e.label))) {
      const all = examples.filter((e) => e.label === label).length;
      expect(first.holdout.filter((e) => e.label === label).length).toBe(Math.round(all * 0.2));
    }
    expect(() => splitHoldout(examples, 1, 1)).toThrow(RangeError);
  });

  it('reports accuracy, top-3 accuracy, per-label recall and the largest confusions', () => {
    const model = train(tiny);
    const result = evaluate(model, [
      { text: '路灯坏了', label: '市政设施' },
      { text: '楼道里电动车充电', label: '环境卫生' },
    ]);
    expect(result.total).toBe(2);
    expect(result.correct + result.confusions.reduce((sum, c) => sum + c.count, 0)).toBe(2);
    expect(result.accuracy).toBe(result.correct / 2);
    expect(result.perLabel.find((p) => p.label === '市政设施')).toMatchObject({ support: 1, recall: 1 });
  });
});

describe('classifier on the synthetic corpus (held-out 20 %, seed 42)', () => {
  const demands = generateDemands({ count: 3000, seed: 42 });

  it('suggests the category far above chance (10 categories: 10 %)', () => {
    const { train: training, holdout } = splitHoldout(asExamples(demands, 'category'), 0.2, 7);
    const result = evaluate(train(training), holdout);
    console.info(`category: held-out accuracy ${result.accuracy.toFixed(3)}, top-3 ${result.top3Accuracy.toFixed(3)} on ${result.total}`);
    expect(new Set(holdout.map((e) => e.label)).size).toBe(DEMAND_CATEGORIES.length);
    expect(result.accuracy).toBeGreaterThan(0.9);
    expect(result.top3Accuracy).toBeGreaterThan(0.95);
  });

  it('suggests the handling level well above chance (4 levels: 25 %; 15 % of levels are noise, so about 85 % is the ceiling)', () => {
    const { train: training, holdout } = splitHoldout(asExamples(demands, 'level'), 0.2, 7);
    const model = train(training);
    const result = evaluate(model, holdout);
    console.info(`level: held-out accuracy ${result.accuracy.toFixed(3)}, top-3 ${result.top3Accuracy.toFixed(3)} on ${result.total}`);
    expect(model.labels).toEqual([...HANDLING_LEVELS].sort());
    expect(result.accuracy).toBeGreaterThan(0.7);
  });

  it('measures the same held-out accuracy in one call', () => {
    const result = holdoutEvaluation(asExamples(demands, 'category'), { ratio: 0.2, seed: 7 });
    expect(result.trainedOn + result.total).toBe(demands.length);
    expect(result.accuracy).toBeGreaterThan(0.9);
  });
});

describe('tokens given instead of text', () => {
  it('trains, predicts and explains the same from tokens as from text', () => {
    const withTokens = tiny.map((e) => ({ ...e, tokens: tokenize(e.text) }));
    expect(train(withTokens)).toEqual(train(tiny));
    const model = train(tiny);
    expect(predict(model, tokenize('晚上路灯不亮'))).toEqual(predict(model, '晚上路灯不亮'));
    expect(explain(model, tokenize('电动车在楼道里充电'), '安全隐患')).toEqual(explain(model, '电动车在楼道里充电', '安全隐患'));
    // The tokens win over the text: an example is learned from what it says it contains.
    expect(
      predict(
        train([
          { text: '路灯', label: 'x', tokens: ['井盖'] },
          { text: '井盖', label: 'y', tokens: ['路灯'] },
        ]),
        '路灯',
        1,
      )[0]!.label,
    ).toBe('y');
  });
});

describe('naive Bayes with a setting', () => {
  const corpus = asExamples(generateDemands({ count: 1200, seed: 3 }), 'category');
  const { train: training, holdout } = splitHoldout(corpus, 0.2, 1);

  it('reads text through its features and scores as its variant says, well above chance for each', () => {
    for (const variant of ['multinomial', 'balanced', 'complement'] as const) {
      for (const features of ['words', 'words+bigrams', 'words+chars13', 'chars13'] as const) {
        const model = train(training, { setting: { features, variant, alpha: 0.3, priorWeight: 0 } });
        expect(model.setting).toEqual({ features, variant, alpha: 0.3, priorWeight: 0 });
        expect(evaluate(model, holdout).accuracy, `${variant} ${features}`).toBeGreaterThan(0.6);
      }
    }
  });

  it('explains a complement model’s suggestion by the words behind it, and survives JSON', () => {
    const model = train(training, { setting: { features: 'words+bigrams', variant: 'complement', alpha: 0.3, priorWeight: 0 } });
    const text = '楼道里有人给电动车飞线充电，太危险了';
    expect(predict(model, text, 1)[0]!.label).toBe('安全隐患');
    expect(explain(model, text, '安全隐患').map((w) => w.token)).toContain('电动');
    const copy = JSON.parse(JSON.stringify(model)) as NaiveBayesModel;
    expect(predict(copy, text)).toEqual(predict(model, text));
  });

  it('adds prior texts to the labels it has, weighted, without counting them as documents', () => {
    const setting = { features: 'words' as const, variant: 'multinomial' as const, alpha: 1, priorWeight: 0.5 };
    const model = train(
      [
        { text: '路灯不亮', label: 'municipal' },
        { text: '垃圾没人清运', label: 'environment' },
      ],
      {
        setting,
        prior: [
          { text: '井盖丢了', label: 'municipal' },
          { text: '电梯坏了', label: 'property' },
        ],
      },
    );
    expect(model.labels).toEqual(['environment', 'municipal']);
    expect(model.documents).toEqual({ environment: 1, municipal: 1 });
    expect(Object.keys(model.counts.municipal!)).toEqual(expect.arrayContaining(['井', '盖', '路灯']));
    expect(Object.keys(model.counts.environment!)).not.toContain('电梯');
    expect(predict(model, '井盖', 1)[0]!.label).toBe('municipal');
  });
});
