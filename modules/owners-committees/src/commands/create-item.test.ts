import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OwnersCommitteesItemRepository } from '../item.repository.ts';
import { createOwnersCommitteesItem } from './create-item.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('createOwnersCommitteesItem', () => {
  it('records an item of a community in scope, audited', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const item = await database.db.transaction((tx) =>
      createOwnersCommitteesItem(tx, ctx, { communityId: tree.a.community.id, title: ' 第一条 ' }),
    );
    expect(item).toMatchObject({ title: '第一条', communityId: tree.a.community.id, note: null });
    const found = await new OwnersCommitteesItemRepository(database.db).findById('370785', item.id, [tree.a.community.path]);
    expect(found?.title).toBe('第一条');
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'ownersCommittees.item.create' AND target_id = $1",
      [item.id],
    );
    expect(audit?.n).toBe(1);
  });

  it('answers a community outside the scope like an unknown one, and refuses a place that is not a community', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const other = await database.db
      .transaction((tx) => createOwnersCommitteesItem(tx, ctx, { communityId: tree.b.community.id, title: '越权' }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const compound = await database.db
      .transaction((tx) => createOwnersCommitteesItem(tx, ctx, { communityId: tree.a.compound.id, title: '小区' }))
      .catch((e: AppError) => e.code);
    expect(compound).toBe('invalid_input');
    const [count] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM owners_committees_item WHERE title IN ($1, $2)', [
      '越权',
      '小区',
    ]);
    expect(count?.n).toBe(0);
  });
});
