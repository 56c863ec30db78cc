import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { DecideMotionBody, Motion } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { decideVote, votesFit } from '../rules.ts';
import { meetingFor } from './meeting-guard.ts';
import { motionOf } from './move-motion.ts';

/** Puts the open motion to the vote (the majority of votes cast decides) or records it withdrawn. */
export async function decideMotion(
  tx: Tx,
  ctx: RequestContext,
  meetingId: string,
  motionId: string,
  input: DecideMotionBody,
): Promise<Motion> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, 'motion');
  const meetings = new MeetingRepository(tx);
  const motion = await meetings.motion(tenantId, meetingId, motionId);
  if (!motion) throw AppError.notFound(meetingsNouns.motion, motionId);
  if (motion.status !== 'open') throw AppError.of(meetingsErrors.no_open_motion);
  if ('withdrawn' in input) {
    await meetings.decideMotion(tenantId, motionId, 'withdrawn');
  } else {
    const votes = { for: input.votesFor, against: input.votesAgainst, abstain: input.votesAbstain };
    const present = await meetings.presentCount(tenantId, meetingId);
    if (!votesFit(votes, present)) {
      throw AppError.of(meetingsErrors.votes_exceed_present, { present }, [
        { field: 'votesFor', reason: 'more votes than people present' },
      ]);
    }
    await meetings.decideMotion(tenantId, motionId, decideVote(votes), votes);
  }
  await recordAudit(tx, auditEntry(ctx, 'meetings.motion.decide', { type: 'meeting_motion', id: motionId }, { ...input }));
  return motionOf(tx, tenantId, meetingId, motionId);
}
