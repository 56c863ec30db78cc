import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { buildCommitteeWorld } from '../testing.ts';
import { addMember } from './add-member.ts';
import { createCommittee } from './create-committee.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;
let committeeId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
  committeeId = (
    await database.db.transaction((tx) =>
      createCommittee(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' }),
    )
  ).id;
});
afterAll(() => database.close());

const add = (residentId: string, position: 'chair' | 'vice_chair' | 'member', ctx = w.staffA) =>
  database.db.transaction((tx) => addMember(tx, ctx, committeeId, { residentId, position, since: '2024-05-01' }));

describe('addMember', () => {
  it('adds residents of the compound; party tags come from the party records, the chair is the branch secretary', async () => {
    const chair = await add(w.a.li, 'chair');
    expect(chair).toMatchObject({ name: '李建国', position: 'chair', partyMember: true, branchSecretary: true });
    const member = await add(w.a.zhang, 'member');
    expect(member).toMatchObject({ name: '张伟', partyMember: false });
    const c = await new CommitteeRepository(database.db).findById('370785', committeeId, [w.tree.county.path]);
    expect(c?.party).toMatchObject({ members: 2, partyMembers: 1, share: 0.5, met: true, chairIsSecretary: true });
  });

  it('masks names and leaves out party tags for a caller who may not see them', async () => {
    const members = await new CommitteeRepository(database.db).members('370785', committeeId, { roster: [], sensitive: [] });
    expect(members.map((m) => m.name)).toEqual(['李**', '张*']);
    expect(members[0]).not.toHaveProperty('partyMember');
  });

  it('refuses a second chair, the same person twice, a resident of another compound (400) and one out of scope (404)', async () => {
    expect(await add(w.a.wang, 'chair').catch((e: AppError) => e.code)).toBe('conflict');
    expect(await add(w.a.zhang, 'member').catch((e: AppError) => e.code)).toBe('conflict');
    const street = await add(w.b.chen, 'member', w.street).catch((e: AppError) => [e.code, e.details]);
    expect(street).toEqual(['invalid_input', [{ field: 'residentId', reason: 'does not live in the compound' }]]);
    expect(await add(w.b.chen, 'member').catch((e: AppError) => e.code)).toBe('not_found');
  });
});
