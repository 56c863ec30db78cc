import { describe, expect, it } from 'vitest';
import { caseCounts, fundingOf, planCases, planRenovations, split } from './demo-plan.ts';

const wenshan = { illegalStructures: 855, illegalStructureAreaM2: 90_000, rubbishTonnes: 1516.2, parkingSpaces: 6597, chargers: 630 };

describe('the urban-cases demo plan', () => {
  it('splits totals exactly into uneven shares, whole where the unit is', () => {
    expect(split(1000, 3, false).reduce((a, b) => a + b, 0)).toBe(1000);
    const whole = split(659_700, 330, true);
    expect(whole.every((q) => q % 100 === 0 && q >= 100)).toBe(true);
    expect(whole.reduce((a, b) => a + b, 0)).toBe(659_700);
    expect(new Set(split(9_000_000, 855, false)).size).toBeGreaterThan(5);
    expect(() => split(200, 3, true)).toThrow();
  });

  it('gives 文山市’s figures exactly: 855 illegal structures of 90,000 m², 1,516.2 t, 6,597 spaces, 630 chargers, closed within 12 months', () => {
    const planned = planCases(wenshan, 583);
    const of = (kind: string) => planned.filter((p) => p.kind === kind);
    const sum = (kind: string) => of(kind).reduce((s, p) => s + p.quantityCents, 0) / 100;
    expect(of('illegal_structure')).toHaveLength(855);
    expect(sum('illegal_structure')).toBe(90_000);
    expect(sum('rubbish')).toBe(1516.2);
    expect(sum('parking')).toBe(6597);
    expect(sum('charger')).toBe(630);
    expect(of('rubbish')).toHaveLength(caseCounts(wenshan).rubbish);
    expect(planned.every((p) => p.quantityCents > 0 && p.closedDaysAgo >= 2 && p.closedDaysAgo <= 356)).toBe(true);
    expect(planned.every((p) => p.compound >= 0 && p.compound < 583)).toBe(true);
    expect(of('parking').every((p) => p.quantityCents % 100 === 0)).toBe(true);
    expect(new Set(planned.map((p) => p.compound)).size).toBeGreaterThan(300);
  });

  it('covers exactly 54 distinct compounds with accepted projects, pairs within one community', () => {
    const communityOf = Array.from({ length: 583 }, (_, i) => `c${Math.floor(i / 18)}`);
    const planned = planRenovations(54, communityOf);
    const compounds = planned.flatMap((p) => p.compounds);
    expect(compounds).toHaveLength(54);
    expect(new Set(compounds).size).toBe(54);
    expect(planned.length).toBeLessThan(54);
    for (const p of planned) expect(new Set(p.compounds.map((c) => communityOf[c])).size).toBe(1);
    expect(planned.every((p) => p.acceptedDaysAgo >= 5 && p.acceptedDaysAgo < 345)).toBe(true);
    expect(() => planRenovations(10, ['a', 'b'])).toThrow();
  });

  it('funds a budget exactly', () => {
    for (const budget of [800_000, 1_234_567.89, 950_000]) {
      const cents = fundingOf(budget).reduce((s, f) => s + Math.round(f.amount * 100), 0);
      expect(cents).toBe(Math.round(budget * 100));
    }
  });
});
