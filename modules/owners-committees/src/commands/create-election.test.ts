import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld, committeeWith } from '../testing.ts';
import { createElection } from './create-election.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('createElection', () => {
  it('starts the re-election of the compound’s active committee, one at a time, in scope only', async () => {
    const committeeId = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2021-06-01' },
      [],
    );
    const e = await database.db.transaction((tx) =>
      createElection(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats: 5 }),
    );
    expect(e).toMatchObject({
      committeeId,
      title: '凤凰小区第2届业主委员会选举',
      status: 'preparing',
      seats: 5,
      termYears: 5,
      candidateList: [],
    });
    const again = await database.db
      .transaction((tx) => createElection(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats: 5 }))
      .catch((x: AppError) => x.code);
    expect(again).toBe('conflict');
    const other = await database.db
      .transaction((tx) => createElection(tx, w.staffA, { compoundId: w.tree.b.compound.id, kind: 'owners_committee', seats: 5 }))
      .catch((x: AppError) => x.code);
    expect(other).toBe('not_found');
    const first = await database.db.transaction((tx) =>
      createElection(tx, w.staffB, { compoundId: w.tree.b.compound.id, kind: 'owners_work_committee', seats: 3 }),
    );
    expect(first).toMatchObject({ committeeId: null, title: '康成小区第1届业主工作委员会选举' });
  });
});
