import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioTotals, storedClusters } from '../plan-inputs.ts';
import { planClusters } from '../planner.ts';
import { ScenarioRepository } from '../scenario.repository.ts';
import { restoreProperty, simpleParameters, standInProperty, threeCompounds } from '../testing.ts';
import { adoptScenario } from './adopt-scenario.ts';
import { createScenario } from './create-scenario.ts';
import { startSolve } from './start-solve.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let adoptions: ReturnType<typeof standInProperty>['adoptions'];
const ctx = () => contextFor('370785', [{ role: 'county_staff', node: tree.county }]);

// The property port back to the property module's own functions once this file's tests are done.
afterAll(restoreProperty);

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const { A, B, C } = threeCompounds(tree.a.community);
  ({ adoptions } = standInProperty(() => [A, B, C], new Map()));
});
afterAll(() => database.close());

/** A scenario solved on this thread (the planner itself), its plan recorded as the worker's would be. */
async function solvedScenario(name: string): Promise<string> {
  const { id } = await database.db.transaction((tx) =>
    createScenario(tx, ctx(), { nodeId: tree.a.community.id, name, parameters: simpleParameters }),
  );
  const solve = await database.db.transaction((tx) => startSolve(tx, ctx(), id));
  const plan = await planClusters(solve.input.compounds, solve.input.parameters, solve.input.pins);
  const recorded = await new ScenarioRepository(database.db).recordPlan('370785', id, solve.token, {
    solverStatus: plan.status,
    gap: plan.gap,
    solveMs: 1,
    totals: scenarioTotals(plan),
    clusters: storedClusters(plan, solve.scenario.inputs),
  });
  expect(recorded).toBe(true);
  return id;
}

describe('adoptScenario', () => {
  it('hands each cluster with its mode to the property profiles, records who adopted, and supersedes an earlier adoption', async () => {
    const { id: draft } = await database.db.transaction((tx) => createScenario(tx, ctx(), { nodeId: tree.a.community.id, name: '草稿' }));
    const early = await database.db.transaction((tx) => adoptScenario(tx, ctx(), draft, {})).catch((e: AppError) => e.code);
    expect(early).toBe('conflict');

    const first = await solvedScenario('一');
    const c = contextFor('370785', [{ role: 'county_staff', node: tree.county }], 'adopter');
    const result = await database.db.transaction((tx) => adoptScenario(tx, c, first, { reason: '审定' }));
    expect(result).toEqual({ changed: 3, superseded: [] });
    expect(
      adoptions
        .at(-1)
        ?.clusters.map((x) => x.serviceMode)
        .sort(),
    ).toEqual(['community_state_owned', 'state_owned_takeover']);
    const repo = new ScenarioRepository(database.db);
    expect((await repo.findById('370785', first, [tree.county.path]))?.status).toBe('adopted');
    expect((await repo.clustersOf('370785', first)).every((x) => x.serviceMode !== null)).toBe(true);

    const second = await solvedScenario('二');
    const again = await database.db.transaction((tx) => adoptScenario(tx, ctx(), second, {}));
    expect(again.superseded).toEqual([first]);
    expect((await repo.findById('370785', first, [tree.county.path]))?.status).toBe('superseded');
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'serviceClusters.scenario.adopt'",
    );
    expect(audit?.n).toBe(2);
  });
});
