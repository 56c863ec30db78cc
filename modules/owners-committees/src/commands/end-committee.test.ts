import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { buildCommitteeWorld, committeeWith } from '../testing.ts';
import { createCommittee } from './create-committee.ts';
import { endCommittee } from './end-committee.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('endCommittee', () => {
  it('dissolves an active committee with its members, after which a property management committee may be formed', async () => {
    const id = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2022-01-01' },
      [[w.a.li, 'chair']],
    );
    expect(
      await database.db
        .transaction((tx) => endCommittee(tx, w.staffB, id, { status: 'dissolved', endedOn: '2025-06-30' }))
        .catch((e: AppError) => e.code),
    ).toBe('not_found');
    const ended = await database.db.transaction((tx) => endCommittee(tx, w.staffA, id, { status: 'dissolved', endedOn: '2025-06-30' }));
    expect(ended).toMatchObject({ status: 'dissolved', endedOn: '2025-06-30', party: { members: 0 } });
    const members = await new CommitteeRepository(database.db).members('370785', id, { roster: [w.tree.county.path], sensitive: [] });
    expect(members.map((m) => m.until)).toEqual(['2025-06-30']);
    expect(
      await database.db
        .transaction((tx) => endCommittee(tx, w.staffA, id, { status: 'expired', endedOn: '2025-07-01' }))
        .catch((e: AppError) => e.code),
    ).toBe('conflict');
    const pmc = await database.db.transaction((tx) =>
      createCommittee(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'property_management_committee', formedOn: '2025-07-01' }),
    );
    expect(pmc.status).toBe('active');
  });
});
