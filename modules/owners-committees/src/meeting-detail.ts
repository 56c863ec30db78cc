import { BallotRepository } from '@linli/ballots';
import { AppError } from '@linli/core';
import type { Db } from '@linli/db';
import type { MeetingDetail } from './contract.ts';
import { ownersCommitteesNouns } from './errors.ts';
import { MeetingRepository } from './meeting.repository.ts';

/** A meeting with its agenda, proxies, paper ballots and, while voting, how many households voted so far (404 outside the scope). */
export async function readMeetingDetail(db: Db, tenantId: string, id: string, scope: string[]): Promise<MeetingDetail> {
  const meetings = new MeetingRepository(db);
  const m = await meetings.findById(tenantId, id, scope);
  const texts = m && (await meetings.texts(tenantId, id));
  if (!m || !texts) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  const matterList = await meetings.matters(tenantId, id);
  let roll: number | null = null;
  let votedSoFar: number | null = null;
  if (m.status === 'voting') {
    // Turnout only (the ballots engine hides how anyone voted until closing): the most households on any matter.
    const ballots = new BallotRepository(db);
    for (const x of matterList) {
      if (!x.ballotId) continue;
      const b = await ballots.detail(tenantId, x.ballotId, scope);
      votedSoFar = Math.max(votedSoFar ?? 0, b?.castSoFar ?? 0);
      roll = b?.roll?.voters ?? roll;
    }
  } else if (m.status === 'closed' || m.status === 'published') {
    roll = matterList[0]?.result?.roll.voters ?? null;
    votedSoFar = matterList.reduce((n, x) => Math.max(n, x.result?.cast.voters ?? 0), 0);
  }
  return {
    ...m,
    ...texts,
    matterList,
    paperBallots: await meetings.paperBallots(tenantId, id),
    proxies: await meetings.proxies(tenantId, id),
    roll,
    votedSoFar,
  };
}
