import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioRepository } from '../scenario.repository.ts';
import { restoreProperty, simpleParameters, standInProperty, threeCompounds } from '../testing.ts';
import { createScenario } from './create-scenario.ts';
import { setScenarioLocks } from './set-scenario-locks.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let three: ReturnType<typeof threeCompounds>;

// The property port back to the property module's own functions once this file's tests are done.
afterAll(restoreProperty);

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  three = threeCompounds(tree.a.community);
  standInProperty(() => [three.A, three.B, three.C], new Map());
});
afterAll(() => database.close());

describe('setScenarioLocks', () => {
  it('replaces the locks, audited, and refuses a lock into a cluster whose anchor is locked elsewhere', async () => {
    const ctx = contextFor('370785', [{ role: 'county_staff', node: tree.county }]);
    const { id } = await database.db.transaction((tx) =>
      createScenario(tx, ctx, { nodeId: tree.a.community.id, name: '锁', parameters: simpleParameters }),
    );
    const { A, B, C } = three;
    await database.db.transaction((tx) =>
      setScenarioLocks(tx, ctx, id, { locks: [{ compoundId: B.compoundId, anchorCompoundId: A.compoundId }] }),
    );
    await database.db.transaction((tx) =>
      setScenarioLocks(tx, ctx, id, { locks: [{ compoundId: C.compoundId, anchorCompoundId: A.compoundId }] }),
    );
    expect(await new ScenarioRepository(database.db).locksOf('370785', id)).toEqual([
      { compoundId: C.compoundId, anchorCompoundId: A.compoundId },
    ]);
    const chained = await database.db
      .transaction((tx) =>
        setScenarioLocks(tx, ctx, id, {
          locks: [
            { compoundId: A.compoundId, anchorCompoundId: C.compoundId },
            { compoundId: B.compoundId, anchorCompoundId: A.compoundId },
          ],
        }),
      )
      .catch((e: AppError) => e.details);
    expect(chained).toEqual([{ field: 'locks[1].anchorCompoundId', reason: 'is itself locked into another cluster' }]);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'serviceClusters.scenario.lock' AND target_id = $1",
      [id],
    );
    expect(audit?.n).toBe(2);
  });
});
