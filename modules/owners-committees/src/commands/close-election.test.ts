import { enterTally } from '@linli/ballots';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommitteeRepository } from '../committee.repository.ts';
import { buildCommitteeWorld, committeeWith, electionWithVettedCandidates, giveFloorAreas } from '../testing.ts';
import { closeElection } from './close-election.ts';
import { openElectionVote } from './open-election-vote.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildCommitteeWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildCommitteeWorld(database.db);
  await giveFloorAreas(database.db, w.tree.a.compound);
});
afterAll(() => database.close());

async function voted(cast: { voters: number; area: number }, options: [number, number, number][]) {
  const e = await electionWithVettedCandidates(database.db, w);
  const open = await database.db.transaction((tx) => openElectionVote(tx, w.staffA, e.id, { method: 'tally' }));
  await database.db.transaction((tx) =>
    enterTally(tx, w.staffA, open.ballotId!, { cast, options: options.map(([id, voters, area]) => ({ id, voters, area })) }),
  );
  return database.db.transaction((tx) => closeElection(tx, w.staffA, e.id));
}

describe('closeElection', () => {
  it('forms the new term from the candidates with a double majority, ends the outgoing committee and publishes the result', async () => {
    const outgoing = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'property_management_committee', formedOn: '2023-01-01' },
      [[w.a.zhao, 'chair']],
    );
    // Both households (180 m²) vote for three each (the seats); 赵敏 gets no vote: not elected.
    const d = await voted({ voters: 2, area: 180 }, [
      [1, 2, 180],
      [2, 2, 180],
      [3, 2, 180],
      [4, 0, 0],
    ]);
    expect(d.status).toBe('elected');
    expect(d.result).toEqual({ quorumMet: true, turnout: 1, areaTurnout: 1 });
    expect(d.candidateList.map((k) => [k.name, k.elected, k.votes])).toEqual([
      ['李建国', true, 2],
      ['王芳', true, 2],
      ['张伟', true, 2],
      ['赵敏', false, 0],
    ]);
    expect(d.notices.map((n) => n.kind)).toEqual(['candidates', 'result']);
    expect(d.notices[1]?.body).toContain('当选3名');
    const repo = new CommitteeRepository(database.db);
    expect((await repo.findById('370785', outgoing, [w.tree.county.path]))?.status).toBe('expired');
    const formed = await repo.findById('370785', d.newCommitteeId!, [w.tree.county.path]);
    expect(formed).toMatchObject({
      kind: 'owners_committee',
      status: 'active',
      party: { members: 3, partyMembers: 2, met: true, chairIsSecretary: true },
    });
    const members = await repo.members('370785', d.newCommitteeId!, { roster: [w.tree.county.path], sensitive: [] });
    expect(members.map((m) => [m.name, m.position])).toEqual([
      ['李建国', 'chair'],
      ['王芳', 'vice_chair'],
      ['张伟', 'member'],
    ]);
  });

  it('fails without the two-thirds quorum and keeps the committee in office', async () => {
    const before = await new CommitteeRepository(database.db).activeOf('370785', w.tree.a.compound.id);
    const d = await voted({ voters: 1, area: 90 }, [
      [1, 1, 90],
      [2, 1, 90],
      [3, 1, 90],
    ]);
    expect(d).toMatchObject({ status: 'failed', newCommitteeId: null, result: { quorumMet: false } });
    expect(d.notices[1]?.body).toContain('未产生新一届委员会');
    expect((await new CommitteeRepository(database.db).activeOf('370785', w.tree.a.compound.id))?.id).toBe(before?.id);
  });
});
