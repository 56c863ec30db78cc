import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioRepository } from '../scenario.repository.ts';
import { restoreProperty, standInProperty, threeCompounds } from '../testing.ts';
import { createScenario } from './create-scenario.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

// The property port back to the property module's own functions once this file's tests are done.
afterAll(restoreProperty);

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const { A, B, C } = threeCompounds(tree.a.community);
  standInProperty(() => [A, B, { ...C, lat: null, lng: null }], new Map());
});
afterAll(() => database.close());

describe('createScenario', () => {
  it('keeps the compounds’ figures as they are now and the parameters over the defaults, audited', async () => {
    const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const { id } = await database.db.transaction((tx) =>
      createScenario(tx, ctx, { nodeId: tree.a.community.id, name: ' 肥瘦搭配 ', parameters: { maxDistanceKm: 3 } }),
    );
    const found = await new ScenarioRepository(database.db).findById('370785', id, [tree.county.path]);
    expect(found).toMatchObject({ name: '肥瘦搭配', status: 'draft', compoundCount: 3 });
    expect(found?.parameters).toMatchObject({ maxDistanceKm: 3, timeLimitSeconds: 20, staffPer10kM2: 1.2, statuses: [] });
    expect(found?.inputs.map((c) => c.name).sort()).toEqual(['万顺城', '东关小区', '岭南花园'].sort());
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'serviceClusters.scenario.create' AND target_id = $1",
      [id],
    );
    expect(audit?.n).toBe(1);
  });

  it('answers a place outside the scope like an unknown one, and refuses a compound as the place', async () => {
    const ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const foreign = await database.db
      .transaction((tx) => createScenario(tx, ctx, { nodeId: tree.other.community.id, name: '越权' }))
      .catch((e: AppError) => e.code);
    expect(foreign).toBe('not_found');
    const compound = await database.db
      .transaction((tx) => createScenario(tx, ctx, { nodeId: tree.a.compound.id, name: '小区' }))
      .catch((e: AppError) => e.code);
    expect(compound).toBe('invalid_input');
    const [count] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM cluster_scenario WHERE name IN ('越权', '小区')");
    expect(count?.n).toBe(0);
  });
});
