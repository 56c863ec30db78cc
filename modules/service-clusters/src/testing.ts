// Test fixtures of service-clusters: compounds with their economics around a test community, standing
// in for the property profiles (propertyPort), and a recorder of adoptions.
import { newId, seededRandom } from '@linli/core';
import type { TestNode } from '@linli/people/testing';
import type { ClusterAdoption, CompoundEconomics } from './property-port.ts';
import { propertyPort } from './property-port.ts';

const at = (dLat: number, dLng: number) => ({ lat: 36.37 + dLat, lng: 119.72 + dLng });

/** A compound of the community with its economics; revenue = area × fee × collection rate. */
export function compound(
  community: TestNode,
  over: Partial<CompoundEconomics> & Pick<CompoundEconomics, 'name' | 'households' | 'floorAreaM2' | 'feePerM2Month' | 'collectionRate'>,
): CompoundEconomics {
  return {
    compoundId: newId(),
    communityId: community.id,
    communityName: community.name,
    ...at(0, 0),
    status: 'poor',
    serviceMode: null,
    companyId: null,
    clusterId: null,
    ...over,
  };
}

/**
 * The planner test's three compounds: A earns 20,000 and costs 10,000 a month; B earns 2,000 and costs
 * 5,000, 1 km from A; C earns 1,000 and costs 2,000, 10 km away (costs: 0.5 yuan per m², no staff).
 */
export function threeCompounds(community: TestNode): { A: CompoundEconomics; B: CompoundEconomics; C: CompoundEconomics } {
  return {
    A: compound(community, {
      name: '万顺城',
      ...at(0, 0),
      households: 800,
      floorAreaM2: 20_000,
      feePerM2Month: 1,
      collectionRate: 1,
      status: 'well',
    }),
    B: compound(community, {
      name: '岭南花园',
      ...at(0.009, 0),
      households: 300,
      floorAreaM2: 10_000,
      feePerM2Month: 0.4,
      collectionRate: 0.5,
    }),
    C: compound(community, {
      name: '东关小区',
      ...at(0, 0.11),
      households: 120,
      floorAreaM2: 4000,
      feePerM2Month: 0.5,
      collectionRate: 0.5,
      status: 'unmanaged',
    }),
  };
}

/** `count` compounds of a county like 高密市's old ones in an 8 km square, seeded. */
export function manyCompounds(community: TestNode, count: number, seed = 186): CompoundEconomics[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const households = 80 + Math.floor(random() * 900);
    return compound(community, {
      name: `小区${i + 1}`,
      ...at(random() * 0.072, random() * 0.09),
      households,
      floorAreaM2: households * (70 + random() * 40),
      feePerM2Month: 0.35 + random() * 1.1,
      collectionRate: 0.45 + random() * 0.5,
    });
  });
}

/** Parameters under which the three compounds' figures follow by hand. */
export const simpleParameters = {
  staffPer10kM2: 0,
  monthlyWage: 0,
  otherCostPerM2Month: 0.5,
  sharedCostPerClusterMonth: 5000,
  maxDistanceKm: 2,
  minHouseholds: 0,
  maxHouseholds: 10_000,
  maxCompoundsPerCluster: 10,
  timeLimitSeconds: 10,
};

/** The property module's own functions, as the module loads them: restoreProperty puts them back. */
const realProperty = { ...propertyPort };

/**
 * Puts the property module's own functions back in the port. Test files share their worker's module
 * cache (vitest's isolate: false): a file that stands in fixtures calls this after all its tests
 * (`afterAll(restoreProperty)`), or the next file in the worker — the demo's seeders, the routes on
 * real profiles — would plan from the fixtures.
 */
export function restoreProperty(): void {
  Object.assign(propertyPort, realProperty);
}

/**
 * Stands the given compounds in for the property profiles: compoundEconomics answers those of the
 * community asked for (or all, for a place above it), and adoptions are recorded in `adoptions`.
 */
export function standInProperty(compounds: () => CompoundEconomics[], places: Map<string, string[]>) {
  const adoptions: ClusterAdoption[] = [];
  propertyPort.compoundEconomics = async (_db, _scope, nodeId) =>
    compounds().filter((c) => (places.get(nodeId) ?? [nodeId]).includes(c.communityId));
  propertyPort.adoptClusterAssignments = async (_tx, _ctx, input) => {
    adoptions.push(input);
    return { changed: input.clusters.reduce((n, c) => n + c.compoundIds.length, 0) };
  };
  return { adoptions };
}
