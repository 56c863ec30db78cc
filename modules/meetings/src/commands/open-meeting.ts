import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { MeetingDetail } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { quorumMet, quorumNeeded } from '../rules.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/** Opens a published meeting once the quorum of its council's members has checked in (else 409 with the counts). */
export async function openMeeting(tx: Tx, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'open');
  const meetings = new MeetingRepository(tx);
  const { members, present } = await meetings.memberCounts(tenantId, meetingId);
  const needed = quorumNeeded(members, meeting.quorumPercent);
  if (!quorumMet(present, members, meeting.quorumPercent)) {
    await recordAudit(
      tx,
      auditEntry(ctx, 'meetings.meeting.open', { type: 'meeting', id: meetingId }, { members, present, needed }, 'denied'),
    );
    throw AppError.of(meetingsErrors.quorum_not_met, { members, present, needed });
  }
  await meetings.setStatus(tenantId, meetingId, 'open', [
    sql`opened_at = now()`,
    sql`members_expected = ${members}`,
    sql`quorum_needed = ${needed}`,
    sql`present_at_open = ${present}`,
  ]);
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.open', { type: 'meeting', id: meetingId }, { members, present, needed }));
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  return detail;
}
