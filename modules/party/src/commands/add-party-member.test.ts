import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor, insertResident } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartyOrgRepository } from '../party-org.repository.ts';
import { insertPartyOrg, type TestOrg } from '../testing.ts';
import { addPartyMember } from './add-party-member.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let branch: TestOrg;
let committee: TestOrg;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  const top = await insertPartyOrg(database.db, { node: tree.subdistrict, kind: 'subdistrict_committee', name: '朝阳街道党工委' });
  committee = await insertPartyOrg(database.db, { node: tree.a.community, kind: 'community_committee', name: '凤凰社区党委', parent: top });
  branch = await insertPartyOrg(database.db, { node: tree.a.compound, kind: 'compound_branch', name: '凤凰小区党支部', parent: committee });
});
afterAll(() => database.close());

describe('addPartyMember', () => {
  it('registers the member, flags the resident and counts them up the tree', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const { id: residentId } = await insertResident(database.db, tree.a.h101, { name: '李建国' });
    const member = await database.db.transaction((tx) => addPartyMember(tx, ctx, { residentId, orgId: branch.id, inService: true }));
    expect(member).toMatchObject({ residentId, name: '李建国', orgName: '凤凰小区党支部', inService: true, status: 'full' });
    const [resident] = await database.query<{ is_party_member: boolean; tags: string[] }>(
      'SELECT is_party_member, tags FROM resident WHERE id = $1',
      [residentId],
    );
    expect(resident).toEqual({ is_party_member: true, tags: ['党员'] });
    const top = await new PartyOrgRepository(database.db).findById('370785', committee.id, [tree.a.community.path]);
    expect(top?.memberCount).toBe(1);

    const again = await database.db
      .transaction((tx) => addPartyMember(tx, ctx, { residentId, orgId: branch.id }))
      .catch((e: AppError) => e.code);
    expect(again).toBe('conflict');
  });

  it('does not find an organisation outside the caller’s scope', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const { id: residentId } = await insertResident(database.db, tree.b.h101, { name: '赵敏' });
    const result = await database.db
      .transaction((tx) => addPartyMember(tx, ctx, { residentId, orgId: branch.id }))
      .catch((e: AppError) => e.code);
    expect(result).toBe('not_found');
  });
});
