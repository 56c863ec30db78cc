import { createAccount } from '@linli/accounts/testing';
import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRepository } from '../grid.repository.ts';
import { insertGrid } from '../testing.ts';
import { addGridMember } from './add-grid-member.ts';
import { removeGridMember } from './remove-grid-member.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('removeGridMember', () => {
  it('removes a member of a grid in scope, audited; unknown members are 404', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const { id: gridId } = await insertGrid(database.db, { community: tree.a.community, name: '网格' });
    const worker = await createAccount(database.db, { tenantId: '370785', username: 'grid.worker1' });
    const member = await database.db.transaction((tx) =>
      addGridMember(tx, ctx, gridId, { role: 'grid_worker', name: '网格员', accountId: worker.id }),
    );
    await database.db.transaction((tx) => removeGridMember(tx, ctx, gridId, member.id));
    expect((await new GridRepository(database.db).findById('370785', gridId, [tree.a.community.path]))?.members).toEqual([]);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'grid.member.remove' AND target_id = $1",
      [gridId],
    );
    expect(audit?.n).toBe(1);
    expect(await database.db.transaction((tx) => removeGridMember(tx, ctx, gridId, member.id)).catch((e: AppError) => e.code)).toBe(
      'not_found',
    );
  });
});
