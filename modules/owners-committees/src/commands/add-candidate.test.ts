import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld } from '../testing.ts';
import { addCandidate } from './add-candidate.ts';
import { createElection } from './create-election.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('addCandidate', () => {
  it('nominates residents of the compound once each; others are refused (another compound 400, out of scope 404)', async () => {
    const e = await database.db.transaction((tx) =>
      createElection(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats: 3 }),
    );
    const d = await database.db.transaction((tx) => addCandidate(tx, w.staffA, e.id, { residentId: w.a.li, position: 'chair' }));
    expect(d.candidateList).toMatchObject([{ name: '李建国', position: 'chair', partyMember: true, vetting: 'pending', checks: [] }]);
    expect(
      await database.db.transaction((tx) => addCandidate(tx, w.staffA, e.id, { residentId: w.a.li })).catch((x: AppError) => x.code),
    ).toBe('conflict');
    expect(
      await database.db.transaction((tx) => addCandidate(tx, w.staffA, e.id, { residentId: w.b.chen })).catch((x: AppError) => x.code),
    ).toBe('not_found');
    expect(
      await database.db.transaction((tx) => addCandidate(tx, w.street, e.id, { residentId: w.b.chen })).catch((x: AppError) => x.code),
    ).toBe('invalid_input');
    expect(
      await database.db.transaction((tx) => addCandidate(tx, w.staffB, e.id, { residentId: w.a.wang })).catch((x: AppError) => x.code),
    ).toBe('not_found');
  });
});
