import { BallotRepository } from '@linli/ballots';
import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertResident } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommitteeWorld, electionWithVettedCandidates, giveFloorAreas } from '../testing.ts';
import { addCandidate } from './add-candidate.ts';
import { openElectionVote } from './open-election-vote.ts';
import { vetCandidate } from './vet-candidate.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
  await giveFloorAreas(database.db, w.tree.a.compound);
});
afterAll(() => database.close());

describe('openElectionVote', () => {
  it('refuses while a candidate is not vetted, then puts the vetted candidates on an open Art. 278 ballot and publishes them', async () => {
    const e = await electionWithVettedCandidates(database.db, w);
    const extra = await insertResident(database.db, w.tree.a.h102, { name: '周强' });
    const added = await database.db.transaction((tx) => addCandidate(tx, w.staffA, e.id, { residentId: extra.id }));
    const pending = await database.db
      .transaction((tx) => openElectionVote(tx, w.staffA, e.id, { method: 'tally' }))
      .catch((x: AppError) => x.message);
    expect(pending).toBe('1 candidate(s) have not passed the eligibility review');
    // A candidate who failed the review stays off the ballot.
    const zhou = added.candidateList.find((k) => k.residentId === extra.id)!;
    await database.db.transaction((tx) => vetCandidate(tx, w.staffA, e.id, zhou.id, { item: 'capacity', passed: false, note: '本人放弃' }));
    const late = await database.db.transaction((tx) => openElectionVote(tx, w.staffA, e.id, { method: 'tally' }));
    expect(late.status).toBe('voting');
    const ballot = await new BallotRepository(database.db).detail('370785', late.ballotId!, [w.tree.county.path]);
    expect(ballot).toMatchObject({
      status: 'open',
      rule: 'art278_ordinary',
      voterUnit: 'household',
      weighting: 'area',
      maxChoices: 3,
      subjectKind: 'owners_decision',
      subjectId: e.id,
      roll: { voters: 2, area: 180 },
    });
    expect(ballot?.options.map((o) => o.label)).toEqual(['李建国', '王芳', '张伟', '赵敏']);
    expect(late.candidateList.map((k) => k.optionNo)).toEqual([1, 2, 3, 4, null]);
    expect(late.notices).toMatchObject([{ kind: 'candidates' }]);
    expect(
      await database.db.transaction((tx) => openElectionVote(tx, w.staffA, e.id, { method: 'tally' })).catch((x: AppError) => x.code),
    ).toBe('conflict');
  });
});
