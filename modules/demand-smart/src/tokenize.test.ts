import { describe, expect, it } from 'vitest';
import { cjkBigrams, normalize, tokenize, words } from './tokenize.ts';

describe('tokenize', () => {
  it('keeps the word-like segments and drops punctuation and stop words', () => {
    const tokens = words('我家楼道里堆放了很多杂物，太危险了！');
    expect(tokens).toContain('堆放');
    expect(tokens).toContain('危险');
    for (const stop of ['我', '了', '，', '！', '里']) expect(tokens).not.toContain(stop);
  });

  it('lower-cases Latin, folds full-width forms and collapses every number to 0', () => {
    expect(normalize('ＷｉＦｉ 3号楼12单元 2026年')).toBe('wifi 0号楼0单元 0年');
    expect(words('WiFi信号差')).toContain('wifi');
    const tokens = words('3号楼和15号楼');
    expect(tokens).not.toContain('3');
    expect(tokens).not.toContain('15');
    expect(tokens.filter((t) => t === '0')).toHaveLength(2);
  });

  it('adds the character bigrams of Han runs, cut at particles', () => {
    expect(cjkBigrams('楼道的电动车')).toEqual(['楼道', '电动', '动车']);
    expect(cjkBigrams('abc 路灯 x 不亮')).toEqual(['路灯', '不亮']);
    expect(cjkBigrams('灯')).toEqual([]);
  });

  it('finds 楼道 and 电动车 through the bigrams even where the segmenter splits them', () => {
    const tokens = tokenize('电动车在楼道充电');
    expect(tokens).toContain('楼道');
    expect(tokens).toContain('电动');
    expect(tokens).toContain('动车');
    expect(tokenize('电动车在楼道充电', { bigrams: false })).toEqual(words('电动车在楼道充电'));
  });

  it('gives nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('？！……  ，。')).toEqual([]);
  });
});
