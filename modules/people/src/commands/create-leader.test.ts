import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTwoCommunities, contextFor, insertResident } from '../testing.ts';
import { createLeader } from './create-leader.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ctx = contextFor('370785', [{ role: 'community_staff', node: tree.subdistrict }]);
});
afterAll(() => database.close());

const appoint = (input: Parameters<typeof createLeader>[2]) => database.db.transaction((tx) => createLeader(tx, ctx, input));

describe('createLeader', () => {
  it('appoints an entrance leader living in the entrance', async () => {
    const { id } = await insertResident(database.db, tree.a.h102, { name: '单元长' });
    expect(await appoint({ nodeId: tree.a.entrance.id, residentId: id, role: 'entrance_leader' })).toMatchObject({
      nodeKind: 'entrance',
      residentName: '单元长',
    });
  });

  it('refuses a resident of another building', async () => {
    const { id } = await insertResident(database.db, tree.b.h101, { name: '别楼居民' });
    expect(
      await appoint({ nodeId: tree.a.building.id, residentId: id, role: 'building_leader' }).catch((e: AppError) => e.details),
    ).toEqual([{ field: 'residentId', reason: 'must be a resident living in this building' }]);
  });

  it('refuses a node of the wrong kind for the role', async () => {
    const { id } = await insertResident(database.db, tree.a.h101, { name: '楼栋长' });
    expect(
      await appoint({ nodeId: tree.a.compound.id, residentId: id, role: 'building_leader' }).catch((e: AppError) => e.details),
    ).toMatchObject([{ field: 'nodeId' }]);
  });
});
