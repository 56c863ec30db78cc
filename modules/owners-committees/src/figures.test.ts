import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertPartyMember } from '@linli/party/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeFigures } from './figures.ts';
import { buildCommitteeWorld, committeeWith, daysFromToday } from './testing.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
  // Compound A: an owners' committee formed in 2024 — 2 of 4 members are party members (50 %: met), the chair is the branch secretary.
  await committeeWith(database.db, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' }, [
    [w.a.li, 'chair'],
    [w.a.wang, 'vice_chair'],
    [w.a.zhang, 'member'],
    [w.a.zhao, 'member'],
  ]);
  // Compound B: a property management committee formed in 2020 whose term ends in 30 days — 1 of 3 (not met).
  await committeeWith(
    database.db,
    w.staffB,
    { compoundId: w.tree.b.compound.id, kind: 'property_management_committee', formedOn: '2020-06-01', termEnd: daysFromToday(30) },
    [
      [w.b.liu, 'chair'],
      [w.b.chen, 'member'],
      [w.b.sun, 'member'],
    ],
  );
});
afterAll(() => database.close());

const year2024 = { from: '2024-01-01', to: '2024-12-31' };

describe('committeeFigures', () => {
  it('counts the committees under the node with the party share read from the party records', async () => {
    const all = await committeeFigures(database.db, { tenantId: '370785', paths: [w.tree.county.path] }, year2024);
    expect(all).toEqual({
      ownersCommittees: 1,
      propertyManagementCommittees: 1,
      committeesPartyShareMet: 1,
      newCommittees: 1,
      newCommitteesPartyShareMet: 1,
      termsEndingWithin90Days: 1,
      trainedMemberShare: 0,
    });
    const b = await committeeFigures(
      database.db,
      { tenantId: '370785', paths: [w.tree.county.path] },
      { ...year2024, nodeId: w.tree.b.community.id },
    );
    expect(b).toMatchObject({ ownersCommittees: 0, propertyManagementCommittees: 1, committeesPartyShareMet: 0, newCommittees: 0 });
  });

  it('keeps to the scope: community A sees its own committee only, another county nothing', async () => {
    const a = await committeeFigures(database.db, { tenantId: '370785', paths: [w.tree.a.community.path] }, year2024);
    expect(a).toMatchObject({ ownersCommittees: 1, propertyManagementCommittees: 0, termsEndingWithin90Days: 0 });
    const foreign = await committeeFigures(database.db, { tenantId: '532601', paths: [w.tree.other.community.path] }, year2024);
    expect(foreign).toEqual({
      ownersCommittees: 0,
      propertyManagementCommittees: 0,
      committeesPartyShareMet: 0,
      newCommittees: 0,
      newCommitteesPartyShareMet: 0,
      termsEndingWithin90Days: 0,
      trainedMemberShare: null,
    });
    const outside = await committeeFigures(
      database.db,
      { tenantId: '370785', paths: [w.tree.a.community.path] },
      {
        ...year2024,
        nodeId: w.tree.b.community.id,
      },
    );
    expect(outside.propertyManagementCommittees).toBe(0);
  });

  it('evaluates the share live: a new party record of a member makes compound B meet it', async () => {
    await insertPartyMember(database.db, w.branchB, w.b.sun);
    const all = await committeeFigures(database.db, { tenantId: '370785', paths: [w.tree.county.path] }, year2024);
    expect(all.committeesPartyShareMet).toBe(2);
    expect(all.newCommitteesPartyShareMet).toBe(1);
  });
});
