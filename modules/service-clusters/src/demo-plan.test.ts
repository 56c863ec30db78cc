import { describe, expect, it } from 'vitest';
import type { ScenarioCompound } from './contract.ts';
import { demoPlan } from './demo-plan.ts';
import { manyCompounds } from './testing.ts';

const community = { id: '00000000-0000-4000-8000-000000000001', tenantId: '370785', kind: 'community', name: '凤凰社区', path: 'x' };

describe('demoPlan', () => {
  it('makes exactly the asked number of clusters, the named ones first, every compound in one, within its own parameters', () => {
    const compounds = manyCompounds(community, 105, 7) as ScenarioCompound[];
    compounds[3] = { ...compounds[3]!, name: '万顺城' };
    const { plan, parameters, clusters } = demoPlan(compounds, 10, ['万顺城', '岭南花园']);
    expect(clusters).toHaveLength(10);
    expect(clusters.slice(0, 2).map((c) => c.name)).toEqual(['万顺城', '岭南花园']);
    expect(clusters[0]!.anchorCompoundId).toBe(compounds[3]!.compoundId);
    expect(new Set(clusters.slice(2).map((c) => c.name)).size).toBe(8);
    const members = clusters.flatMap((c) => c.members.map((m) => m.compoundId));
    expect(new Set(members).size).toBe(105);
    for (const c of plan.clusters) {
      expect(c.maxDistanceKm).toBeLessThanOrEqual(parameters.maxDistanceKm);
      expect(c.households).toBeLessThanOrEqual(parameters.maxHouseholds);
      expect(c.memberIds.length).toBeLessThanOrEqual(parameters.maxCompoundsPerCluster);
    }
    expect(plan.totals.subsidy).toBeCloseTo(
      plan.clusters.reduce((s, c) => s + c.subsidy, 0),
      2,
    );
    // The same compounds give the same plan.
    expect(demoPlan(compounds, 10, ['万顺城', '岭南花园']).clusters).toEqual(clusters);
  });
});
