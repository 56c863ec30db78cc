import { createAccount } from '@linli/accounts/testing';
import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor, insertResident } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRepository } from '../grid.repository.ts';
import { insertGrid } from '../testing.ts';
import { addGridMember } from './add-grid-member.ts';
import { removeGridMember } from './remove-grid-member.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;
let gridId: string;
let cadre: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
  ({ id: gridId } = await insertGrid(database.db, { community: tree.a.community, name: '第一网格', buildingIds: [tree.a.building.id] }));
  cadre = await createAccount(database.db, {
    tenantId: '370785',
    username: 'fenghuang.cadre',
    grants: [{ role: 'community_staff', nodeId: tree.a.community.id }],
  });
});
afterAll(() => database.close());

const add = (input: Parameters<typeof addGridMember>[3]) => database.db.transaction((tx) => addGridMember(tx, ctx, gridId, input));
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: AppError) => e.code,
  );

describe('grid team', () => {
  it('takes one leader with a staff account and residents of the community as members', async () => {
    const leader = await add({ role: 'leader', name: '张书记', accountId: cadre.id });
    const { id: residentId } = await insertResident(database.db, tree.a.h101, { name: '王大爷' });
    await add({ role: 'volunteer', name: '王大爷', residentId });
    const grid = await new GridRepository(database.db).findById('370785', gridId, [tree.a.community.path]);
    expect(grid?.members.map((m) => [m.role, m.name])).toEqual([
      ['leader', '张书记'],
      ['volunteer', '王大爷'],
    ]);
    expect(await code(add({ role: 'leader', name: '第二位', accountId: cadre.id }))).toBe('conflict');

    await database.db.transaction((tx) => removeGridMember(tx, ctx, gridId, leader.id));
    expect((await new GridRepository(database.db).findById('370785', gridId, [tree.a.community.path]))?.memberCount).toBe(1);
  });

  it('refuses a leader without an account and a resident of another community', async () => {
    const { id: outsider } = await insertResident(database.db, tree.b.h101, { name: '外社区居民' });
    const { id: insider } = await insertResident(database.db, tree.a.h101, { name: '本社区居民' });
    const failure = await add({ role: 'leader', name: '无账号', residentId: insider }).catch((e: AppError) => e.details);
    expect(failure).toEqual([{ field: 'accountId', reason: 'the leader is a community cadre with a staff account' }]);
    // Another community's resident answers like an unknown one.
    const outside = await add({ role: 'volunteer', name: '外社区', residentId: outsider }).catch((e: AppError) => [e.code, e.details]);
    const unknown = await add({ role: 'volunteer', name: '外社区', residentId: '01900000-0000-7000-8000-00000000dead' }).catch(
      (e: AppError) => [e.code, e.details],
    );
    expect(outside).toEqual(['not_found', [{ field: 'residentId', reason: 'not found' }]]);
    expect(outside).toEqual(unknown);
  });

  it('does not find the grid for staff of a sibling community', async () => {
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(
      await code(database.db.transaction((tx) => addGridMember(tx, other, gridId, { role: 'volunteer', name: 'x', accountId: cadre.id }))),
    ).toBe('not_found');
  });
});
