import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LeaderRepository } from '../leader.repository.ts';
import { buildTwoCommunities, contextFor, insertResident } from '../testing.ts';
import { createLeader } from './create-leader.ts';
import { removeLeader } from './remove-leader.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('removeLeader', () => {
  it('removes within scope and is not found from a sibling community', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const { id: residentId } = await insertResident(database.db, tree.a.h101, { name: '楼栋长' });
    const leader = await database.db.transaction((tx) =>
      createLeader(tx, ctx, { nodeId: tree.a.building.id, residentId, role: 'building_leader' }),
    );
    const sibling = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(await database.db.transaction((tx) => removeLeader(tx, sibling, leader.id)).catch((e: AppError) => e.code)).toBe('not_found');
    await database.db.transaction((tx) => removeLeader(tx, ctx, leader.id));
    expect(await new LeaderRepository(database.db).list('370785', [tree.a.community.path], {})).toEqual([]);
  });
});
