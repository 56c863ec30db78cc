import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { buildCommitteeWorld, committeeWith } from '../testing.ts';
import { endMember } from './end-member.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('endMember', () => {
  it('a member leaves on a date; the party share counts the current members only', async () => {
    const id = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-01-01' },
      [
        [w.a.li, 'chair'],
        [w.a.zhang, 'member'],
        [w.a.zhao, 'member'],
      ],
    );
    const repo = new CommitteeRepository(database.db);
    expect((await repo.findById('370785', id, [w.tree.county.path]))?.party.met).toBe(false);
    const zhao = (await repo.members('370785', id, { roster: [], sensitive: [] }))[2]!;
    expect(
      await database.db
        .transaction((tx) => endMember(tx, w.staffA, id, zhao.id, { until: '2023-12-31' }))
        .catch((e: AppError) => e.details),
    ).toEqual([{ field: 'until', reason: 'is before the member joined' }]);
    const left = await database.db.transaction((tx) => endMember(tx, w.staffA, id, zhao.id, { until: '2025-03-01' }));
    expect(left.until).toBe('2025-03-01');
    expect((await repo.findById('370785', id, [w.tree.county.path]))?.party).toMatchObject({ members: 2, partyMembers: 1, met: true });
    expect(
      await database.db.transaction((tx) => endMember(tx, w.staffA, id, zhao.id, { until: '2025-03-02' })).catch((e: AppError) => e.code),
    ).toBe('conflict');
    expect(
      await database.db.transaction((tx) => endMember(tx, w.staffB, id, zhao.id, { until: '2025-03-02' })).catch((e: AppError) => e.code),
    ).toBe('not_found');
  });
});
