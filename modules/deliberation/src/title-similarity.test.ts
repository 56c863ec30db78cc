import { describe, expect, it } from 'vitest';
import { LIKELY_DUPLICATE, titleSimilarity, titleWords } from './title-similarity.ts';

// Titles of the demo (demo.ts, demo-history.ts): what a compound's pool really holds.
const likely = (a: string, b: string) => titleSimilarity(a, b) >= LIKELY_DUPLICATE;

describe('title similarity', () => {
  it('keeps the words that say what a topic is about', () => {
    expect([...titleWords('2号楼加装电梯').keys()]).not.toContain('号楼');
    expect([...titleWords('楼道照明损坏').keys()]).toEqual(['照明']);
    expect(titleWords('车棚充电桩数量不足').get('充电')).toBe(2);
  });

  it('finds the charging topics alike, most alike where they share most', () => {
    const charging = titleSimilarity('电动车飞线充电', '增设电动车充电桩');
    const shed = titleSimilarity('车棚充电桩数量不足', '增设电动车充电桩');
    const wires = titleSimilarity('车棚充电桩数量不足', '电动车飞线充电');
    expect(charging).toBeGreaterThan(shed);
    expect(shed).toBeGreaterThan(wires);
    expect(wires).toBeGreaterThanOrEqual(LIKELY_DUPLICATE);
    expect(likely('车棚充电桩数量不足', '车棚充电桩不够用')).toBe(true);
    expect(titleSimilarity('文明养犬', '文明养犬公约')).toBeGreaterThan(0.6);
    expect(likely('2号楼加装电梯', '老旧小区统一加装电梯')).toBe(true);
    expect(likely('公共收益公开', '小区公共收益分配争议')).toBe(true);
    expect(likely('单元门禁损坏', '单元门禁系统更换')).toBe(true);
  });

  it('does not pair topics that share only a place or a verb', () => {
    expect(likely('楼道照明损坏', '单元门禁损坏')).toBe(false);
    expect(likely('楼道照明损坏', '楼道堆放杂物')).toBe(false);
    expect(likely('小区路灯损坏更换', '单元门禁系统更换')).toBe(false);
    expect(likely('车棚充电桩数量不足', '车位不足与乱停车')).toBe(false);
    expect(likely('物业费调整', '垃圾分类投放点调整')).toBe(false);
    expect(likely('雨后路面积水', '快递柜设置位置')).toBe(false);
    expect(titleSimilarity('', '文明养犬')).toBe(0);
    expect(titleSimilarity('电梯', '电梯')).toBe(1);
  });
});
