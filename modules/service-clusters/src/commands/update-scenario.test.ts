import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioRepository } from '../scenario.repository.ts';
import { restoreProperty, simpleParameters, standInProperty, threeCompounds } from '../testing.ts';
import { createScenario } from './create-scenario.ts';
import { updateScenario } from './update-scenario.ts';

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

describe('updateScenario', () => {
  it('renames and changes parameters, audited; crossed household bounds name the field; other places answer 404', async () => {
    const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const { id } = await database.db.transaction((tx) =>
      createScenario(tx, ctx, { nodeId: tree.a.community.id, name: '甲', parameters: simpleParameters }),
    );
    await database.db.transaction((tx) => updateScenario(tx, ctx, id, { name: '乙', parameters: { timeLimitSeconds: 60 } }));
    const found = await new ScenarioRepository(database.db).findById('370785', id, [tree.county.path]);
    expect(found).toMatchObject({ name: '乙', timeLimitSeconds: 60 });
    expect(found?.parameters.otherCostPerM2Month).toBe(0.5);
    const crossed = await database.db
      .transaction((tx) => updateScenario(tx, ctx, id, { parameters: { minHouseholds: 10, maxHouseholds: 5 } }))
      .catch((e: AppError) => e.details);
    expect(crossed).toEqual([{ field: 'parameters.minHouseholds', reason: 'is above parameters.maxHouseholds' }]);
    const other = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.b.community }]);
    const outside = await database.db.transaction((tx) => updateScenario(tx, other, id, { name: '丙' })).catch((e: AppError) => e.code);
    expect(outside).toBe('not_found');
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'serviceClusters.scenario.update' AND target_id = $1",
      [id],
    );
    expect(audit?.n).toBe(1);
  });
});
