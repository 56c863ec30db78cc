import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld } from '../testing.ts';
import { addCandidate } from './add-candidate.ts';
import { createElection } from './create-election.ts';
import { vetCandidate } from './vet-candidate.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
});
afterAll(() => database.close());

describe('vetCandidate', () => {
  it('records who checked what with which result; a failed check needs a note, a later check supersedes', async () => {
    const e = await database.db.transaction((tx) =>
      createElection(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats: 3 }),
    );
    const added = await database.db.transaction((tx) => addCandidate(tx, w.staffA, e.id, { residentId: w.a.zhang }));
    const k = added.candidateList[0]!;
    const vet = (body: Parameters<typeof vetCandidate>[4]) => database.db.transaction((tx) => vetCandidate(tx, w.staffA, e.id, k.id, body));
    expect(await vet({ item: 'no_criminal_record', passed: false }).catch((x: AppError) => x.details)).toEqual([
      { field: 'note', reason: 'is required when the check fails' },
    ]);
    let d = await vet({ item: 'owner_household', passed: true, note: '房产证 2019-0311' });
    expect(d.candidateList[0]).toMatchObject({
      vetting: 'pending',
      checks: [{ item: 'owner_household', passed: true, checkedByName: 'staff.a' }],
    });
    d = await vet({ item: 'no_criminal_record', passed: false, note: '公安机关出具证明待补' });
    expect(d.candidateList[0]?.vetting).toBe('failed');
    d = await vet({ item: 'no_criminal_record', passed: true, note: '已补无犯罪记录证明' });
    expect(d.candidateList[0]?.vetting).toBe('passed');
    expect(d.candidateList[0]?.checks).toHaveLength(3);
    expect(
      await database.db
        .transaction((tx) => vetCandidate(tx, w.staffB, e.id, k.id, { item: 'other', passed: true }))
        .catch((x: AppError) => x.code),
    ).toBe('not_found');
  });
});
