import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioRepository } from '../scenario.repository.ts';
import { restoreProperty, simpleParameters, standInProperty, threeCompounds } from '../testing.ts';
import { createScenario } from './create-scenario.ts';
import { startSolve } from './start-solve.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

// The property port back to the property module's own functions once this file's tests are done.
afterAll(restoreProperty);

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const { A, B, C } = threeCompounds(tree.a.community);
  standInProperty(() => [A, B, C], new Map());
});
afterAll(() => database.close());

describe('startSolve', () => {
  it('marks the scenario solving with what the planner gets, once; a scenario with nothing to plan answers 422', async () => {
    const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const { id } = await database.db.transaction((tx) =>
      createScenario(tx, ctx, { nodeId: tree.a.community.id, name: '解', parameters: simpleParameters }),
    );
    const solve = await database.db.transaction((tx) => startSolve(tx, ctx, id));
    expect(solve.input.compounds).toHaveLength(3);
    expect(solve.input.parameters).toMatchObject({ sharedCostPerClusterMonth: 5000, timeLimitSeconds: 10 });
    expect(solve.input.parameters).not.toHaveProperty('statuses');
    expect((await new ScenarioRepository(database.db).findById('370785', id, [tree.county.path]))?.status).toBe('solving');
    const again = await database.db.transaction((tx) => startSolve(tx, ctx, id)).catch((e: AppError) => e.code);
    expect(again).toBe('conflict');

    const { id: none } = await database.db.transaction((tx) =>
      createScenario(tx, ctx, { nodeId: tree.a.community.id, name: '无', parameters: { statuses: ['self'] } }),
    );
    const empty = await database.db.transaction((tx) => startSolve(tx, ctx, none)).catch((e: AppError) => e.code);
    expect(empty).toBe('unprocessable');
  });
});
