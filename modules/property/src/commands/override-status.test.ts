import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCompany, makeProfile } from '../testing.ts';
import { overrideStatus } from './override-status.ts';
import { recordCollection } from './record-collection.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('overrideStatus', () => {
  it('overrides the computed status with a reason, keeps it through recomputation, and clears it; each step in the history', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, ctx, tree.a.community.id, 'market');
    const contractId = (await makeProfile(database, ctx, {
      compoundId: tree.a.compound.id,
      company: { id: company.id, fee: 0.5, rate: 0.9 },
    })) as string;
    const overridden = await database.db.transaction((tx) =>
      overrideStatus(tx, ctx, tree.a.compound.id, { status: 'poor', reason: '群众投诉集中，经联席会议认定' }),
    );
    expect(overridden).toMatchObject({
      computedStatus: 'well',
      overrideStatus: 'poor',
      status: 'poor',
      overrideReason: '群众投诉集中，经联席会议认定',
    });
    expect(overridden.history[0]).toMatchObject({
      source: 'override',
      statusFrom: 'well',
      statusTo: 'poor',
      changedBy: ctx.actor.accountId,
    });
    await database.db.transaction((tx) => recordCollection(tx, ctx, contractId, { period: '2026', rate: 0.3 }));
    const cleared = await database.db.transaction((tx) =>
      overrideStatus(tx, ctx, tree.a.compound.id, { status: null, reason: '整改完成' }),
    );
    expect(cleared).toMatchObject({ computedStatus: 'poor', overrideStatus: null, overrideReason: null, status: 'poor' });
    expect(cleared.history.map((h) => h.source)).toEqual(['override_cleared', 'computed', 'override', 'computed', 'computed']);
  });

  it('requires a reason and answers a compound of another community as unknown', async () => {
    const ctxB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const other = await database.db
      .transaction((tx) => overrideStatus(tx, ctxB, tree.a.compound.id, { status: 'well', reason: '越权' }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const ctxA = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const blank = await database.db
      .transaction((tx) => overrideStatus(tx, ctxA, tree.a.compound.id, { status: 'well', reason: '  ' }))
      .catch((e: AppError) => e.details);
    expect(blank).toEqual([{ field: 'reason', reason: 'is empty' }]);
  });
});
