import { describe, expect, it } from 'vitest';
import { asExamples, DEMAND_CATEGORIES, generateDemands, HANDLING_LEVELS } from './synthetic-demands.ts';

describe('synthetic demand corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateDemands({ count: 50, seed: 3 })).toEqual(generateDemands({ count: 50, seed: 3 }));
    expect(generateDemands({ count: 50, seed: 4 })).not.toEqual(generateDemands({ count: 50, seed: 3 }));
  });

  it('covers every category and level with filled-in Chinese text', () => {
    const demands = generateDemands({ count: 1000, seed: 5 });
    expect(new Set(demands.map((d) => d.category))).toEqual(new Set(DEMAND_CATEGORIES));
    expect(new Set(demands.map((d) => d.level))).toEqual(new Set(HANDLING_LEVELS));
    for (const demand of demands) {
      expect(demand.text).not.toMatch(/[{}]/);
      expect(demand.text).toMatch(/\p{Script=Han}{4}/u);
    }
  });

  it('mentions a second issue in passing exactly as often as asked', () => {
    const clean = generateDemands({ count: 200, seed: 6, crossMention: 0, dropChar: 0 });
    expect(clean.some((d) => d.text.includes('另外'))).toBe(false);
    const noisy = generateDemands({ count: 200, seed: 6, crossMention: 1, dropChar: 0 });
    expect(noisy.every((d) => d.text.includes('另外'))).toBe(true);
  });

  it('turns demands into examples for either target', () => {
    const [demand] = generateDemands({ count: 1, seed: 8 });
    expect(asExamples([demand!], 'category')).toEqual([{ text: demand!.text, label: demand!.category }]);
    expect(asExamples([demand!], 'level')).toEqual([{ text: demand!.text, label: demand!.level }]);
  });
});
