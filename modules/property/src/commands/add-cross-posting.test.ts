import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompany } from '../testing.ts';
import { addCrossPosting, removeCrossPosting } from './add-cross-posting.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('addCrossPosting / removeCrossPosting', () => {
  it('records the posts of a person in the company and the party organisation, lists them and removes one', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, ctx, tree.a.community.id, 'community_service');
    const list = await database.db.transaction((tx) =>
      addCrossPosting(tx, ctx, company.id, {
        personName: ' 李红 ',
        companyPost: '党支部书记、经理',
        partyPost: '社区党委委员',
        since: '2024-03-01',
      }),
    );
    expect(list).toEqual([
      { id: expect.any(String), personName: '李红', companyPost: '党支部书记、经理', partyPost: '社区党委委员', since: '2024-03-01' },
    ]);
    await database.db.transaction((tx) => removeCrossPosting(tx, ctx, company.id, list[0]?.id as string));
    const [n] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM property_cross_posting WHERE company_id = $1', [
      company.id,
    ]);
    expect(n?.n).toBe(0);
  });

  it('answers a company of another community as unknown and refuses empty posts naming the field', async () => {
    const ctxA = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const ctxB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const company = await makeCompany(database, ctxA, tree.a.community.id, 'market');
    const other = await database.db
      .transaction((tx) =>
        addCrossPosting(tx, ctxB, company.id, { personName: '张三', companyPost: '经理', partyPost: '委员', since: '2024-01-01' }),
      )
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const empty = await database.db
      .transaction((tx) =>
        addCrossPosting(tx, ctxA, company.id, { personName: '张三', companyPost: ' ', partyPost: '委员', since: '2024-01-01' }),
      )
      .catch((e: AppError) => e.details);
    expect(empty).toEqual([{ field: 'companyPost', reason: 'is empty' }]);
  });
});
