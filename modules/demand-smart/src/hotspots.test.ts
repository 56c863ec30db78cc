import { describe, expect, it } from 'vitest';
import { candidateMinimum, findHotspots, type MonthlyCount } from './hotspots.ts';

function series(territoryId: string, territoryName: string, category: string, counts: Record<string, number>): MonthlyCount[] {
  return Object.entries(counts).map(([month, count]) => ({ territoryId, territoryName, category, month, count }));
}

describe('findHotspots', () => {
  const counts = [
    // Parking at 幸福里 jumps from about 3 a month to 12.
    ...series('c1', '幸福里小区', '停车管理', { '2026-02': 3, '2026-03': 2, '2026-04': 4, '2026-05': 12 }),
    // Noise at 阳光花园 has been 4–6 a month for five months: chronic, not rising.
    ...series('c2', '阳光花园', '噪音扰民', { '2026-01': 5, '2026-02': 4, '2026-03': 6, '2026-04': 5, '2026-05': 5 }),
    // Sanitation at 书香苑: a new problem, none before.
    ...series('c3', '书香苑', '环境卫生', { '2026-05': 6 }),
    // Too few to matter: 2 → 4.
    ...series('c4', '锦绣家园', '物业管理', { '2026-04': 2, '2026-05': 4 }),
    // Falling: 10 → 5.
    ...series('c5', '康庄小区', '供暖供水', { '2026-02': 10, '2026-03': 10, '2026-04': 10, '2026-05': 2 }),
  ];

  it('finds rising and repeated hot spots, ranked by score, each with a reason and a theme', () => {
    const hotspots = findHotspots(counts, { month: '2026-05' });
    expect(hotspots.map((h) => [h.territoryId, h.kinds])).toEqual([
      ['c2', ['repeated']], // 5 × 5 / 3 = 8.33
      ['c3', ['rising']], // (6 − 0) / √1 = 6: from nothing to 6 is the bigger surprise
      ['c1', ['rising']], // (12 − 3) / √4 = 4.5
    ]);
    const parking = hotspots.find((h) => h.territoryId === 'c1')!;
    expect(parking).toMatchObject({ count: 12, baseline: 3, month: '2026-05', theme: '幸福里小区停车管理问题' });
    expect(parking.score).toBeCloseTo(9 / 2, 2);
    expect(parking.reason).toBe('幸福里小区「停车管理」：本月12件，前3个月平均3件，是平均的4倍');
    const noise = hotspots.find((h) => h.territoryId === 'c2')!;
    expect(noise.streak).toBe(5);
    expect(noise.reason).toBe('阳光花园「噪音扰民」：连续5个月每月不少于3件，共25件');
    expect(hotspots.find((h) => h.territoryId === 'c3')!.reason).toContain('前3个月没有');
  });

  it('ranks a place that is both rising and chronic above either alone', () => {
    const both = series('c6', '凤凰城小区', '安全隐患', { '2026-02': 3, '2026-03': 3, '2026-04': 3, '2026-05': 12 });
    const [top] = findHotspots([...counts, ...both], { month: '2026-05' });
    expect(top).toMatchObject({ territoryId: 'c6', kinds: ['rising', 'repeated'] });
  });

  it('sums rows of the same place, category and month, and respects the thresholds and the limit', () => {
    const split = [...series('c7', '丰泽苑', '停车管理', { '2026-05': 3 }), ...series('c7', '丰泽苑', '停车管理', { '2026-05': 3 })];
    expect(findHotspots(split, { month: '2026-05' })).toMatchObject([{ territoryId: 'c7', count: 6 }]);
    expect(findHotspots(split, { month: '2026-05', minCount: 7 })).toEqual([]);
    expect(findHotspots(counts, { month: '2026-05', limit: 1 })).toHaveLength(1);
    expect(findHotspots(counts, { month: '2026-05', repeatMonths: 6 }).map((h) => h.territoryId)).not.toContain('c2');
  });

  it('keys series by category id and shows the category name in the reason and the theme', () => {
    const rows: MonthlyCount[] = [
      { territoryId: 'c9', territoryName: '书香苑', category: 'id-1', categoryName: '噪音扰民', month: '2026-05', count: 7 },
      { territoryId: 'c9', territoryName: '书香苑', category: 'id-2', categoryName: '噪音扰民', month: '2026-05', count: 1 },
    ];
    const [top, ...rest] = findHotspots(rows, { month: '2026-05' });
    expect(rest).toEqual([]);
    expect(top).toMatchObject({ category: 'id-1', categoryName: '噪音扰民', count: 7, theme: '书香苑噪音扰民问题' });
    expect(top!.reason).toBe('书香苑「噪音扰民」：本月7件，前3个月没有');
  });

  it('crosses year boundaries and refuses malformed months', () => {
    const winter = series('c8', '朝阳新村', '供暖供水', { '2025-10': 1, '2025-11': 1, '2025-12': 1, '2026-01': 9 });
    expect(findHotspots(winter, { month: '2026-01' })).toMatchObject([{ baseline: 1, kinds: ['rising'] }]);
    expect(() => findHotspots(counts, { month: '2026-13' })).toThrow(RangeError);
    expect(() => findHotspots([{ territoryId: 'x', category: 'y', month: '2026/05', count: 1 }], { month: '2026-05' })).toThrow(RangeError);
  });
});

describe('candidateMinimum', () => {
  it('is the fewest demands of the month that a rise or a repeat needs', () => {
    expect(candidateMinimum()).toBe(3);
    expect(candidateMinimum({ minCount: 2 })).toBe(2);
    expect(candidateMinimum({ repeatMin: 8 })).toBe(5);
    expect(candidateMinimum({ repeatMonths: 0 })).toBe(1);
  });
});
