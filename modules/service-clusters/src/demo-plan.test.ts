import { describe, expect, it } from 'vitest';
import type { ManagementStatus, ScenarioCompound } from './contract.ts';
import { demoParameters, demoPlace, demoPlan, planProblems } from './demo-plan.ts';
import { clusterFigures } from './planner.ts';
import { manyCompounds } from './testing.ts';

const community = { id: '00000000-0000-4000-8000-000000000001', tenantId: '370785', kind: 'community', name: '凤凰社区', path: 'x' };
const statuses: ManagementStatus[] = ['well', 'poor', 'unmanaged', 'self'];

/** 24 compounds in a 2.4 km square (the demo's old compounds are as close), statuses in turn; self-managed ones are not planned. */
function county(): ScenarioCompound[] {
  return manyCompounds(community, 24, 7).map((c, i) => ({
    ...c,
    lat: 36.37 + ((c.lat ?? 36.37) - 36.37) * 0.3,
    lng: 119.72 + ((c.lng ?? 119.72) - 119.72) * 0.3,
    status: statuses[i % 4]!,
  })) as ScenarioCompound[];
}

describe('demoPlan', () => {
  it('solves exactly the asked number of clusters with the planner, within its constraints, the named ones first', async () => {
    const compounds = county();
    const { plan, parameters, clusters } = await demoPlan(compounds, 5, ['万顺城', '岭南花园']);
    expect(parameters).toMatchObject({
      clusterCount: 5,
      maxCompoundsPerCluster: 8,
      maxDistanceKm: 1.5,
      minHouseholds: 300,
      statuses: ['well', 'poor', 'unmanaged'],
    });
    expect(plan.status).toBe('optimal');
    expect(planProblems(plan, compounds, parameters)).toEqual([]);
    expect(clusters).toHaveLength(5);
    expect(clusters.slice(0, 2).map((c) => c.name)).toEqual(['万顺城', '岭南花园']);
    expect(clusters.slice(2).every((c) => c.name.endsWith('组团'))).toBe(true);
    // The 18 compounds that are not self-managed, each once.
    const members = clusters.flatMap((c) => c.members.map((m) => m.compoundId));
    expect(members.sort()).toEqual(
      compounds
        .filter((c) => c.status !== 'self')
        .map((c) => c.compoundId)
        .sort(),
    );
    // The subsidy stated is what the clusters' costs exceed their revenue by, cluster by cluster.
    expect(plan.totals.subsidy).toBeCloseTo(
      plan.clusters.reduce((s, c) => s + Math.max(0, c.cost - c.revenue), 0),
      1,
    );
    // The same compounds give the same plan.
    expect((await demoPlan(compounds, 5, ['万顺城', '岭南花园'])).clusters).toEqual(clusters);
  });
});

describe('planProblems', () => {
  it('finds a cluster too big, a member out of reach, figures that are not the members’, a compound left out, the wrong count', async () => {
    const compounds = county();
    const parameters = { ...demoParameters(5), minHouseholds: 0 };
    const { plan } = await demoPlan(compounds, 5, []);
    const planned = compounds.filter((c) => c.status !== 'self');
    const byId = new Map(
      planned.map((c) => [
        c.compoundId,
        {
          id: c.compoundId,
          name: c.name,
          lat: c.lat!,
          lng: c.lng!,
          households: c.households,
          areaM2: c.floorAreaM2,
          feePerM2Month: c.feePerM2Month,
          collectionRate: c.collectionRate,
        },
      ]),
    );
    const { statuses: _, ...costs } = parameters;
    // Everything in one cluster: too many compounds, some out of reach, and 1 cluster, not 5.
    const one = clusterFigures(
      planned[0]!.compoundId,
      planned.map((c) => c.compoundId),
      byId,
      costs,
    );
    const problems = planProblems(
      { ...plan, clusters: [one], totals: { ...plan.totals, subsidy: one.subsidy, viable: one.subsidy === 0 ? 1 : 0 } },
      compounds,
      parameters,
    );
    expect(problems).toContain('1 clusters, not 5');
    expect(problems.some((p) => p.includes('18 compounds > 8'))).toBe(true);
    expect(problems.some((p) => / km away > 1\.5$/.test(p))).toBe(true);
    // A cluster whose subsidy was written down other than its members give, and a compound dropped.
    const shared = plan.clusters.findIndex((c) => c.memberIds.length > 1);
    expect(shared).toBeGreaterThanOrEqual(0);
    const misstated = plan.clusters.map((c, i) => (i === 0 ? { ...c, subsidy: c.subsidy + 1000 } : c));
    const anchor = compounds.find((c) => c.compoundId === plan.clusters[0]!.anchorId)!;
    expect(planProblems({ ...plan, clusters: misstated }, compounds, parameters)).toContain(
      `cluster of ${anchor.name}: subsidy ${plan.clusters[0]!.subsidy + 1000}, its members give ${plan.clusters[0]!.subsidy}`,
    );
    const dropped = plan.clusters.map((c, i) => (i === shared ? { ...c, memberIds: [c.anchorId] } : c));
    expect(planProblems({ ...plan, clusters: dropped }, compounds, parameters).some((p) => p.endsWith(': in 0 clusters'))).toBe(true);
  });
});

describe('demoPlace', () => {
  it('takes the place with the fewest planned compounds that the clusters can hold', () => {
    const places = [
      { name: '密水街道', planned: 64 },
      { name: '醴泉街道', planned: 36 },
      { name: '朝阳街道', planned: 9 },
      { name: '城关街道', planned: 81 },
    ];
    expect(demoPlace(places, 10)?.name).toBe('醴泉街道');
    expect(demoPlace(places, 2)?.name).toBe('朝阳街道');
    // None has 90; 81 compounds are too many for 10 clusters of at most 8.
    expect(demoPlace(places, 90)).toBeUndefined();
    expect(demoPlace([{ name: '城关街道', planned: 81 }], 10)).toBeUndefined();
  });
});
