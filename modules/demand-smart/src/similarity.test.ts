import { describe, expect, it } from 'vitest';
import { cosine, findSimilar, haversineMeters, isSimilar, jaccard, textSimilarity, withinRadius } from './similarity.ts';

describe('token similarity', () => {
  it('computes Jaccard on token sets and cosine on term frequencies', () => {
    expect(jaccard(['a', 'b', 'c'], ['b', 'c', 'd'])).toBeCloseTo(2 / 4);
    expect(jaccard([], [])).toBe(1);
    expect(cosine(['a', 'a', 'b'], ['a', 'b'])).toBeCloseTo(3 / Math.sqrt(5 * 2));
    expect(cosine(['a'], [])).toBe(0);
    expect(cosine(['a', 'b'], ['b', 'a'])).toBeCloseTo(1);
  });

  it('scores identical text 1 and text without content 0', () => {
    expect(textSimilarity('人民路路灯不亮了', '人民路路灯不亮了')).toBeCloseTo(1);
    expect(textSimilarity('人民路路灯不亮了', '？？')).toBe(0);
    expect(textSimilarity('人民路路灯不亮了', '人民路路灯不亮了', 'jaccard')).toBe(1);
  });

  it.each([
    ['3号楼楼道堆放杂物没人清理', '三号楼楼道里堆满了杂物，一直没人清理，麻烦处理'],
    ['人民路路灯不亮了', '人民路上的路灯坏了，晚上很黑'],
    ['小区停水三天了', '我们小区停水了，已经三天了没水用'],
  ])('finds the same matter in other words similar: %s ~ %s', (a, b) => {
    expect(isSimilar(a, b)).toBe(true);
  });

  it.each([
    ['人民路路灯不亮了', '人民路井盖破损'],
    ['3号楼楼道堆放杂物没人清理', '电动车在楼道充电很危险'],
    ['小区停水三天了', '暖气不热，室温只有15度'],
  ])('keeps different matters apart, even at the same place: %s ≁ %s', (a, b) => {
    expect(isSimilar(a, b)).toBe(false);
  });

  it('takes an explicit threshold and measure', () => {
    expect(isSimilar('人民路路灯不亮了', '人民路井盖破损', 0.3)).toBe(true);
    expect(isSimilar('人民路路灯不亮了', '人民路上的路灯坏了，晚上很黑', 0.45, 'jaccard')).toBe(false);
  });
});

describe('distance', () => {
  // Two points in the centre of 高密, 2.19 km apart.
  const cityHall = { lat: 36.3826, lng: 119.7554 };
  const station = { lat: 36.3641, lng: 119.7469 };

  it('measures great-circle distance in metres', () => {
    expect(haversineMeters(cityHall, cityHall)).toBe(0);
    // One degree of latitude is about 111.2 km everywhere.
    expect(haversineMeters({ lat: 36, lng: 119 }, { lat: 37, lng: 119 })).toBeCloseTo(111_195, -2);
    expect(haversineMeters(cityHall, station)).toBeGreaterThan(2_000);
    expect(haversineMeters(cityHall, station)).toBeLessThan(2_300);
    expect(haversineMeters(cityHall, station)).toBeCloseTo(haversineMeters(station, cityHall), 6);
  });

  it('checks a radius', () => {
    expect(withinRadius(cityHall, { lat: 36.3835, lng: 119.7554 }, 200)).toBe(true); // ≈ 100 m north
    expect(withinRadius(cityHall, station, 200)).toBe(false);
  });
});

describe('findSimilar', () => {
  const at = new Date('2026-05-10T02:00:00Z');
  const days = (n: number) => new Date(at.getTime() + n * 86_400_000);
  const here = { lat: 36.3826, lng: 119.7554 };
  const near = { lat: 36.3831, lng: 119.7556 }; // ≈ 60 m
  const far = { lat: 36.3641, lng: 119.7469 };
  const candidates = [
    { id: 'same-node', text: '3号楼楼道里堆满了杂物，一直没人清理', nodeId: 'b3', createdAt: days(-2) },
    { id: 'near', text: '3号楼楼道堆着好多杂物没人清理', point: near, createdAt: days(-5) },
    { id: 'far', text: '3号楼楼道堆放杂物没人清理', point: far, createdAt: days(-1) },
    { id: 'old', text: '3号楼楼道堆放杂物没人清理', nodeId: 'b3', createdAt: days(-60) },
    { id: 'other-matter', text: '3号楼电动车在楼道充电很危险', nodeId: 'b3', createdAt: days(-1) },
  ];

  it('returns demands at the same node or within the radius, in the window, with similar text, best first', () => {
    const found = findSimilar({ text: '3号楼楼道堆放杂物没人清理', nodeId: 'b3', point: here, createdAt: at }, candidates);
    expect(found.map((f) => f.id).sort()).toEqual(['near', 'same-node']);
    expect(found[0]!.similarity).toBeGreaterThanOrEqual(found[1]!.similarity);
    expect(found.find((f) => f.id === 'near')).toMatchObject({ matchedBy: 'radius' });
    expect(found.find((f) => f.id === 'near')!.distanceMeters).toBeLessThan(100);
    expect(found.find((f) => f.id === 'same-node')).toMatchObject({ matchedBy: 'node' });
  });

  it('widens with the options and compares text alone for a demand with no place', () => {
    const wide = findSimilar({ text: '3号楼楼道堆放杂物没人清理', nodeId: 'b3', createdAt: at }, candidates, { windowDays: 90 });
    expect(wide.map((f) => f.id)).toContain('old');
    const anywhere = findSimilar({ text: '3号楼楼道堆放杂物没人清理' }, candidates, { limit: 2 });
    expect(anywhere).toHaveLength(2);
    expect(anywhere.every((f) => f.matchedBy === 'text')).toBe(true);
  });
});

describe('findSimilar with tokens given', () => {
  it('scores by the given tokens instead of tokenizing the text again', () => {
    const demand = { text: '路灯不亮', nodeId: 'n' };
    const given = [{ id: 'a', text: '完全无关的文字', nodeId: 'n', tokens: ['路灯', '不亮'] }];
    expect(findSimilar(demand, given).map((s) => s.id)).toEqual(['a']);
    expect(findSimilar(demand, [{ ...given[0]!, tokens: undefined }])).toEqual([]);
  });
});
