import { describe, expect, it } from 'vitest';
import { CATEGORY_TEXTS, categoryTexts, DEFAULT_PARENT_CODES, generateCategoryTexts } from './category-texts.ts';

const texts = generateCategoryTexts({ count: 3000, villageCount: 1000, seed: 370_785 });
const holds = (text: string, code: string) => (categoryTexts(code)?.keywords ?? []).some((k) => text.includes(k));

describe('category texts', () => {
  it('cover every leaf category of the default taxonomy but 其他, in households and villages', () => {
    const codes = new Set(texts.map((t) => t.code));
    expect([...codes].sort()).toEqual(Object.keys(DEFAULT_PARENT_CODES).sort());
    expect(codes.size).toBe(CATEGORY_TEXTS.length);
    expect(CATEGORY_TEXTS.length).toBeGreaterThanOrEqual(29);
    expect(texts.filter((t) => t.village)).toHaveLength(1000);
  });

  it('say what their category is about: every title and description holds one of its keywords', () => {
    const off = texts.filter((t) => !holds(t.title, t.code) || !holds(t.description, t.code));
    expect(off.map((t) => `${t.code}: ${t.title} / ${t.description}`)).toEqual([]);
  });

  it('name a village by its name only — no building, entrance or room there', () => {
    const village = texts.filter((t) => t.village);
    expect(village.filter((t) => /\{(building|unit|room)\}/.test(t.title + t.description))).toEqual([]);
    expect(village.every((t) => categoryTexts(t.code)?.village)).toBe(true);
    // Corridors, elevators and property fees are matters of compounds.
    expect(village.some((t) => ['corridor_clutter', 'elevator', 'property_fees'].includes(t.code))).toBe(false);
  });

  it('keep rooms and phone numbers out of titles (shown on the public board)', () => {
    const bad = texts.filter((t) => /\{room\}|\{unit\}|\d+室|\d+-\d+-\d+|1[3-9]\d{9}/.test(t.title));
    expect(bad).toEqual([]);
    // Descriptions do give the full address, as people write it.
    expect(texts.some((t) => t.description.includes('{building}{unit}{room}'))).toBe(true);
  });

  it('vary in length and voice like real messages: short phone messages, long letters, 12345 work orders', () => {
    const lengths = texts.map((t) => [...t.description].length).sort((a, b) => a - b);
    expect(lengths[0]).toBeLessThan(40);
    expect(lengths[Math.floor(lengths.length / 2)]).toBeGreaterThan(60);
    expect(lengths.at(-1)).toBeGreaterThan(120);
    expect(texts.some((t) => t.description.startsWith('市民来电反映') || t.description.startsWith('来电反映'))).toBe(true);
    expect(texts.some((t) => /^(您好|你好|领导好|尊敬的领导)/.test(t.description))).toBe(true);
    expect(new Set(texts.map((t) => t.description)).size).toBeGreaterThan(texts.length * 0.6);
  });

  it('are the same for the same seed', () => {
    expect(generateCategoryTexts({ count: 50, villageCount: 10, seed: 7 })).toEqual(
      generateCategoryTexts({ count: 50, villageCount: 10, seed: 7 }),
    );
  });
});
