import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail } from '../contract.ts';
import { meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/**
 * Reminds the invitees of a published meeting (outbox event `meetings.reminder` with the time and
 * place, to the invitees who have not checked in).
 */
export async function sendReminder(tx: Tx, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'remind');
  await new MeetingRepository(tx).markReminded(tenantId, meetingId);
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  await emitEvents(tx, {
    tenantId,
    type: 'meetings.reminder',
    aggregateType: 'meeting',
    aggregateId: meetingId,
    payload: {
      nodeId: meeting.nodeId,
      title: meeting.title,
      startsAt: detail.startsAt,
      placeText: detail.placeText,
      nodeName: detail.nodeName,
      residentIds: detail.invitees.filter((i) => i.checkedInAt === null && i.residentId !== null).map((i) => i.residentId),
    },
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.remind', { type: 'meeting', id: meetingId }));
  return detail;
}
