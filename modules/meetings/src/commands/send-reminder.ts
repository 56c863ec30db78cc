import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail } from '../contract.ts';
import { meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/** Reminds the invitees of a published meeting (outbox event `meetings.reminder`, invitees who have not checked in). */
export async function sendReminder(tx: Tx, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'remind');
  const meetings = new MeetingRepository(tx);
  const invitees = await meetings.invitees(tenantId, meetingId);
  await meetings.markReminded(tenantId, meetingId);
  await emitEvents(tx, {
    tenantId,
    type: 'meetings.reminder',
    aggregateType: 'meeting',
    aggregateId: meetingId,
    payload: {
      nodeId: meeting.nodeId,
      title: meeting.title,
      residentIds: invitees.filter((i) => i.checkedInAt === null && i.residentId !== null).map((i) => i.residentId),
    },
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.remind', { type: 'meeting', id: meetingId }));
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  return detail;
}
