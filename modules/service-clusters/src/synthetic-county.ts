// A synthetic county for the planner's test and the benchmark (pure: no database).
import { seededRandom } from '@linli/core';
import type { PlanCompound, PlanParameters } from './planner.ts';

const at = (dLat: number, dLng: number) => ({ lat: 36.37 + dLat, lng: 119.72 + dLng });

/**
 * A county of `count` old compounds like 高密市's 186 (its seed's figure), in an 8 km square, seeded:
 * households 80–980, 70–110 m² a household, fees 0.35–1.45 yuan per m² and month, collection 45–95 %.
 * The planner's test and the benchmark solve it.
 */
export function syntheticCounty(count: number, seed = 186): PlanCompound[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const households = 80 + Math.floor(random() * 900);
    return {
      id: `c${i}`,
      name: `小区${i + 1}`,
      ...at(random() * 0.072, random() * 0.09),
      households,
      areaM2: households * (70 + random() * 40),
      feePerM2Month: 0.35 + random() * 1.1,
      collectionRate: 0.45 + random() * 0.5,
    };
  });
}

/** A county's cost parameters as the demo and the defaults have them (staff 1.2 per 10,000 m² at 3,200 yuan). */
export const realisticParameters: PlanParameters = {
  staffPer10kM2: 1.2,
  monthlyWage: 3200,
  otherCostPerM2Month: 0.25,
  sharedCostPerClusterMonth: 12_000,
  maxDistanceKm: 1.5,
  minHouseholds: 300,
  maxHouseholds: 5000,
  maxCompoundsPerCluster: 8,
  timeLimitSeconds: 20,
};
