import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileRepository } from '../profile.repository.ts';
import { makeCompany, makeProfile } from '../testing.ts';
import { recordCollection } from './record-collection.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('recordCollection', () => {
  it('records and corrects the collection rate of a period and recomputes the compound’s status', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const company = await makeCompany(database, ctx, tree.a.community.id, 'state_owned');
    const contractId = (await makeProfile(database, ctx, {
      compoundId: tree.a.compound.id,
      company: { id: company.id, fee: 0.4 },
    })) as string;
    const profiles = new ProfileRepository(database.db);
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.a.community.path]))?.status).toBe('poor');
    const contract = await database.db.transaction((tx) => recordCollection(tx, ctx, contractId, { period: '2025', rate: 0.92 }));
    expect(contract.collections).toEqual([{ period: '2025', rate: 0.92 }]);
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.a.community.path]))?.status).toBe('well');
    const corrected = await database.db.transaction((tx) => recordCollection(tx, ctx, contractId, { period: '2025', rate: 0.6 }));
    expect(corrected.collections).toEqual([{ period: '2025', rate: 0.6 }]);
    expect((await profiles.findById('370785', tree.a.compound.id, [tree.a.community.path]))?.status).toBe('poor');
    const ctxB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const other = await database.db
      .transaction((tx) => recordCollection(tx, ctxB, contractId, { period: '2026', rate: 1 }))
      .catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
  });
});
