import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Motion, TurnBody } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { checkTurn } from '../rules.ts';
import { meetingFor } from './meeting-guard.ts';
import { motionOf } from './move-motion.ts';

/**
 * Records a speaking turn on the open motion (the chair's tablet, when the timer stops): the
 * speaker must have checked in, speakers alternate for and against, two turns per person.
 */
export async function recordTurn(tx: Tx, ctx: RequestContext, meetingId: string, motionId: string, input: TurnBody): Promise<Motion> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, 'motion');
  const meetings = new MeetingRepository(tx);
  const motion = await meetings.motion(tenantId, meetingId, motionId);
  if (!motion) throw AppError.notFound(meetingsNouns.motion, motionId);
  const speaker = await meetings.attendee(tenantId, meetingId, input.attendanceId);
  if (!speaker) throw new AppError('not_found', 'Attendee not found', [{ field: 'attendanceId', reason: 'not found' }]);
  const turns = await meetings.turns(tenantId, motionId);
  const refusal = checkTurn(motion.status === 'open', turns, { speaker: speaker.id, stance: input.stance }, input.noOpposingSpeaker);
  if (refusal) throw AppError.of(meetingsErrors[refusal], { name: speaker.name });
  const id = await meetings.insertTurn(tenantId, motionId, input);
  await recordAudit(tx, auditEntry(ctx, 'meetings.turn.record', { type: 'meeting_turn', id }, { motionId, stance: input.stance }));
  return motionOf(tx, tenantId, meetingId, motionId);
}
