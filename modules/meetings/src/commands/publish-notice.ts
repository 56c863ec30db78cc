import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { MeetingDetail } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { quorumNeeded, sizeAllowsMeeting } from '../rules.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/**
 * Publishes the notice of a draft meeting to its members and the residents of its place: one
 * outbox event (`meetings.notice_published`, delivered by notifications) with the time, place,
 * agenda and the invitees' records — ids only, no names or phones (notifications finds the
 * residents' accounts). A council below its minimum size (a community council needs 5 members)
 * cannot be called.
 */
export async function publishNotice(tx: Tx, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'publish');
  if (!meeting.councilActive) throw AppError.of(meetingsErrors.council_inactive);
  const meetings = new MeetingRepository(tx);
  const { members } = await meetings.memberCounts(tenantId, meetingId);
  if (!sizeAllowsMeeting(members, meeting.minMembers)) {
    throw AppError.of(meetingsErrors.council_too_small, { members, min: meeting.minMembers ?? 1 });
  }
  await meetings.setStatus(tenantId, meetingId, 'published', [
    sql`published_at = now()`,
    sql`members_expected = ${members}`,
    sql`quorum_needed = ${quorumNeeded(members, meeting.quorumPercent)}`,
  ]);
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  const { invitees, items } = detail;
  await emitEvents(tx, {
    tenantId,
    type: 'meetings.notice_published',
    aggregateType: 'meeting',
    aggregateId: meetingId,
    payload: {
      nodeId: meeting.nodeId,
      level: meeting.level,
      title: meeting.title,
      startsAt: detail.startsAt,
      placeText: detail.placeText,
      nodeName: detail.nodeName,
      items: items.map((i) => ({ kind: i.subjectKind, id: i.subjectId, title: i.title })),
      residentIds: invitees.map((i) => i.residentId).filter((id) => id !== null),
    },
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.publish', { type: 'meeting', id: meetingId }, { invitees: invitees.length }));
  return detail;
}
