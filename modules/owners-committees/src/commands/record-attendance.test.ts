import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { committeeFigures } from '../figures.ts';
import { buildCommitteeWorld, committeeWith, daysFromToday } from '../testing.ts';
import { createTraining } from './create-training.ts';
import { recordAttendance } from './record-attendance.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('recordAttendance', () => {
  it('records the members who attended once each; coverage counts trainings of the current term', async () => {
    const a = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: daysFromToday(-400) },
      [
        [w.a.li, 'chair'],
        [w.a.zhang, 'member'],
      ],
    );
    const b = await committeeWith(
      database.db,
      w.staffB,
      { compoundId: w.tree.b.compound.id, kind: 'owners_committee', formedOn: daysFromToday(-400) },
      [[w.b.chen, 'chair']],
    );
    const repo = new CommitteeRepository(database.db);
    const [li, zhang] = await repo.members('370785', a, { roster: [], sensitive: [] });
    const [chen] = await repo.members('370785', b, { roster: [], sensitive: [] });
    const now = await database.db.transaction((tx) =>
      createTraining(tx, w.street, { nodeId: w.tree.subdistrict.id, title: '履职培训', heldOn: daysFromToday(-10) }),
    );
    const old = await database.db.transaction((tx) =>
      createTraining(tx, w.street, { nodeId: w.tree.subdistrict.id, title: '上届培训', heldOn: daysFromToday(-900) }),
    );
    const d = await database.db.transaction((tx) => recordAttendance(tx, w.street, now.id, { memberIds: [li!.id, chen!.id, li!.id] }));
    expect(d.attendees).toBe(2);
    expect(d.attendeeList.map((x) => x.name).sort()).toEqual(['李建国', '陈静'].sort());
    await database.db.transaction((tx) => recordAttendance(tx, w.street, old.id, { memberIds: [zhang!.id] }));
    expect((await repo.findById('370785', a, [w.tree.county.path]))?.trainedShare).toBe(0.5);
    const figures = await committeeFigures(
      database.db,
      { tenantId: '370785', paths: [w.tree.county.path] },
      { from: '2020-01-01', to: '2020-12-31' },
    );
    expect(figures.trainedMemberShare).toBeCloseTo(2 / 3);
    // Community A's staff may not record a member of community B (nor one of a batch they cannot see).
    const communityBatch = await database.db.transaction((tx) =>
      createTraining(tx, w.staffA, { nodeId: w.tree.a.community.id, title: '社区培训', heldOn: daysFromToday(-5) }),
    );
    expect(
      await database.db
        .transaction((tx) => recordAttendance(tx, w.staffA, communityBatch.id, { memberIds: [chen!.id] }))
        .catch((e: AppError) => e.code),
    ).toBe('not_found');
    expect(
      await database.db
        .transaction((tx) => recordAttendance(tx, w.staffB, communityBatch.id, { memberIds: [chen!.id] }))
        .catch((e: AppError) => e.code),
    ).toBe('not_found');
  });
});
