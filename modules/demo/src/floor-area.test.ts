import { describe, expect, it } from 'vitest';
import { demoFloorArea } from './generate.ts';

describe('demo floor areas', () => {
  it('gives every household a plausible 建筑面积 with two decimals, the same for the same door', () => {
    const areas = [1, 2, 3, 7].flatMap((b) => [1, 3, 6, 11].flatMap((f) => [1, 2].map((d) => demoFloorArea(b, f, d))));
    for (const a of areas) {
      expect(a).toBeGreaterThan(60);
      expect(a).toBeLessThan(160);
      expect(Math.round(a * 100) / 100).toBe(a);
    }
    expect(demoFloorArea(2, 3, 1)).toBe(95.86);
    expect(new Set(areas).size).toBeGreaterThan(8);
  });
});
