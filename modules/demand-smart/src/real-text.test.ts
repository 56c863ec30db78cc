import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinPrior } from './builtin-prior.ts';
import { evaluate, train } from './classifier.ts';
import { selectSetting, stratifiedFolds } from './model-selection.ts';

/**
 * 353 complaint messages written by hand in the style of real 12345 messages — short phone notes,
 * long letters with greetings, addresses, dates and phone numbers, operators' work orders — in the
 * 8 top categories of the default taxonomy; not produced by the corpus templates the demo and the
 * built-in model use. Cross-validated as a county's retrain does it.
 */
const complaints = fs
  .readFileSync(new URL('./fixtures/complaints.zh-CN.tsv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [label, text] = line.split('\t');
    return { label: label!, text: text! };
  });

describe('category suggestion on complaint messages as people write them', () => {
  it('is a varied fixture: 8 classes, 35 or more each, short and long texts', () => {
    const perClass = new Map<string, number>();
    for (const c of complaints) perClass.set(c.label, (perClass.get(c.label) ?? 0) + 1);
    expect(perClass.size).toBe(8);
    expect(Math.min(...perClass.values())).toBeGreaterThanOrEqual(35);
    expect(complaints.length).toBeGreaterThanOrEqual(300);
    const lengths = complaints.map((c) => [...c.text].length);
    expect(lengths.filter((n) => n >= 200).length).toBeGreaterThanOrEqual(40);
    expect(lengths.filter((n) => n <= 30).length).toBeGreaterThanOrEqual(100);
    expect(new Set(complaints.map((c) => c.text)).size).toBe(complaints.length);
  });

  it('reaches 85 % in 5-fold cross-validation with the setting a retrain chooses, and recognises every class', () => {
    const labels = new Set(complaints.map((c) => c.label));
    const { best, candidates } = selectSetting(complaints, { prior: builtinPrior(labels) });
    const own = candidates.filter((c) => c.setting.priorWeight === 0)[0];
    // The classifier before settings were chosen (multinomial, α = 1, words and bigrams), same folds.
    const fold = stratifiedFolds(
      complaints.map((c) => c.label),
      5,
      42,
    );
    let before = 0;
    for (let f = 0; f < 5; f += 1) {
      const model = train(complaints.filter((_, i) => fold[i] !== f));
      before += evaluate(
        model,
        complaints.filter((_, i) => fold[i] === f),
      ).correct;
    }
    console.info(
      `chosen ${JSON.stringify(best.setting)}: cross-validated accuracy ${best.accuracy}, mean recall ${best.meanRecall}; ` +
        `best without the built-in prior ${own?.accuracy} (${JSON.stringify(own?.setting)}); ` +
        `the fixed classifier before ${(before / complaints.length).toFixed(4)}; ` +
        `recall ${best.perClass.map((c) => `${c.label} ${c.recall}`).join(', ')}`,
    );
    expect(best.folds).toBe(5);
    expect(best.examples).toBe(complaints.length);
    expect(best.accuracy).toBeGreaterThanOrEqual(0.85);
    for (const c of best.perClass) expect(c.recall, c.label).toBeGreaterThanOrEqual(0.6);
  });
});
