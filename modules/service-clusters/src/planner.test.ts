import { describe, expect, it } from 'vitest';
import {
  clusterFigures,
  compoundEconomics,
  distanceKm,
  type PlanCompound,
  PlanNotFound,
  type PlanParameters,
  planClusters,
} from './planner.ts';
import { realisticParameters, syntheticCounty } from './synthetic-county.ts';

/** Costs only from common parts (no staff), one shared cost per cluster: figures easy to follow by hand. */
const simple: PlanParameters = {
  staffPer10kM2: 0,
  monthlyWage: 0,
  otherCostPerM2Month: 0.5,
  sharedCostPerClusterMonth: 5000,
  maxDistanceKm: 2,
  minHouseholds: 0,
  maxHouseholds: 10_000,
  maxCompoundsPerCluster: 10,
  timeLimitSeconds: 20,
};
const at = (dLat: number, dLng: number) => ({ lat: 36.37 + dLat, lng: 119.72 + dLng });
// A earns 20,000 and costs 10,000 a month (+10,000); B earns 2,000 and costs 5,000 (−3,000), 1 km from A;
// C earns 1,000 and costs 2,000 (−1,000), 10 km away.
const A: PlanCompound = { id: 'A', name: '万顺城', ...at(0, 0), households: 800, areaM2: 20_000, feePerM2Month: 1, collectionRate: 1 };
const B: PlanCompound = {
  id: 'B',
  name: '岭南花园',
  ...at(0.009, 0),
  households: 300,
  areaM2: 10_000,
  feePerM2Month: 0.4,
  collectionRate: 0.5,
};
const C: PlanCompound = {
  id: 'C',
  name: '东关小区',
  ...at(0, 0.11),
  households: 120,
  areaM2: 4000,
  feePerM2Month: 0.5,
  collectionRate: 0.5,
};

describe('planClusters on a hand-computed county of three compounds', () => {
  it('carries the poor compound with the rich one in reach (一托一) and states the subsidy of the one out of reach', async () => {
    expect(compoundEconomics(B, simple)).toEqual({ revenue: 2000, cost: 5000 });
    expect(distanceKm(A, B)).toBeCloseTo(1.0, 1);
    // Alone: A needs nothing, B 3,000 + 5,000, C 1,000 + 5,000 = 14,000. A with B: 10,000 − 3,000 − 5,000 = +2,000.
    const plan = await planClusters([A, B, C], simple);
    expect(plan.status).toBe('optimal');
    expect(plan.clusters.map((c) => [...c.memberIds].sort().join('+')).sort()).toEqual(['A+B', 'C']);
    const ab = plan.clusters.find((c) => c.memberIds.includes('A'))!;
    expect(ab).toMatchObject({ mode: 'one_to_one', revenue: 22_000, cost: 20_000, margin: 2000, subsidy: 0, households: 1100 });
    expect(plan.clusters.find((c) => c.anchorId === 'C')).toMatchObject({ mode: 'single', subsidy: 6000 });
    expect(plan.totals).toMatchObject({ clusters: 2, viable: 1, subsidy: 6000 });
  });

  it('keeps a hand-made lock when re-solving, and every compound alone when clusters hold one', async () => {
    const pinned = await planClusters([A, B, C], simple, [{ compoundId: 'B', anchorId: 'B' }]);
    expect(pinned.clusters.find((c) => c.memberIds.includes('B'))!.anchorId).toBe('B');
    expect(pinned.totals.subsidy).toBe(6000);
    const alone = await planClusters([A, B, C], { ...simple, maxCompoundsPerCluster: 1 });
    expect(alone.totals).toMatchObject({ clusters: 3, subsidy: 14_000 });
  });

  it('makes exactly the number of clusters asked for, even where fewer would need less subsidy', async () => {
    // Best freely: A+B and C (6,000). Three clusters: each alone, 14,000 (B's 3,000 + 5,000 and C's 6,000).
    const three = await planClusters([A, B, C], { ...simple, clusterCount: 3 });
    expect(three.status).toBe('optimal');
    expect(three.totals).toMatchObject({ clusters: 3, subsidy: 14_000 });
    expect((await planClusters([A, B, C], { ...simple, clusterCount: 2 })).totals).toMatchObject({ clusters: 2, subsidy: 6000 });
    // C is 10 km from the others: one cluster cannot hold all three.
    await expect(planClusters([A, B, C], { ...simple, clusterCount: 1 })).rejects.toBeInstanceOf(PlanNotFound);
  });

  it('says so when no grouping satisfies the household bounds', async () => {
    await expect(planClusters([A, B], { ...simple, minHouseholds: 5000 })).rejects.toBeInstanceOf(PlanNotFound);
  });
});

const county = (count: number) => syntheticCounty(count);
const realistic = realisticParameters;

describe('planClusters on 186 compounds', () => {
  it('puts every compound in one compact cluster within the bounds, and needs less subsidy than every compound alone', async () => {
    const compounds = county(186);
    const byId = new Map(compounds.map((c) => [c.id, c]));
    const plan = await planClusters(compounds, realistic);
    console.info(`186 compounds: ${plan.status}, gap ${plan.gap}, ${plan.seconds} s, ${plan.totals.clusters} clusters`);
    // Each compound exactly once; members within reach of their anchor; households within the bounds.
    const seen = plan.clusters.flatMap((c) => c.memberIds);
    expect(new Set(seen).size).toBe(186);
    expect(seen.length).toBe(186);
    for (const c of plan.clusters) {
      expect(c.memberIds).toContain(c.anchorId);
      expect(c.memberIds.length).toBeLessThanOrEqual(realistic.maxCompoundsPerCluster);
      expect(c.maxDistanceKm).toBeLessThanOrEqual(realistic.maxDistanceKm + 1e-9);
      expect(c.households).toBeLessThanOrEqual(Math.max(realistic.maxHouseholds, byId.get(c.anchorId)!.households));
      if (c.memberIds.length > 1) expect(c.households).toBeGreaterThanOrEqual(realistic.minHouseholds);
      // The figures are the members' own, recomputed.
      expect(c).toEqual(clusterFigures(c.anchorId, c.memberIds, byId, realistic));
    }
    const aloneSubsidy = compounds.map((c) => clusterFigures(c.id, [c.id], byId, realistic).subsidy).reduce((a, b) => a + b, 0);
    expect(plan.totals.subsidy).toBeLessThan(aloneSubsidy);
    expect(plan.clusters.some((c) => c.mode === 'one_to_many')).toBe(true);
  });
});
