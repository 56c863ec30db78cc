import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail } from '../contract.ts';
import { meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/** Calls off a meeting not yet opened; invitees of a published one hear of it (outbox event `meetings.cancelled`). */
export async function cancelMeeting(tx: Tx, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'cancel');
  const meetings = new MeetingRepository(tx);
  await meetings.setStatus(tenantId, meetingId, 'cancelled');
  if (meeting.status === 'published') {
    const invitees = await meetings.invitees(tenantId, meetingId);
    await emitEvents(tx, {
      tenantId,
      type: 'meetings.cancelled',
      aggregateType: 'meeting',
      aggregateId: meetingId,
      payload: { nodeId: meeting.nodeId, title: meeting.title, residentIds: invitees.map((i) => i.residentId).filter((id) => id !== null) },
    });
  }
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.cancel', { type: 'meeting', id: meetingId }));
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  return detail;
}
