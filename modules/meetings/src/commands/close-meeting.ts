import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Db, Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { ClosingReport } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingFor } from './meeting-guard.ts';

/**
 * Closes an open meeting (no motion may still be open) and answers the closing report; the event
 * `meetings.closed` carries the decisions per agenda item for the modules whose subjects they are.
 */
export async function closeMeeting(tx: Tx, ctx: RequestContext, meetingId: string): Promise<ClosingReport> {
  const tenantId = ctx.actor.tenantId;
  const meeting = await meetingFor(tx, ctx, meetingId, 'close');
  const meetings = new MeetingRepository(tx);
  if ((await meetings.openMotions(tenantId, meetingId)) > 0) throw AppError.of(meetingsErrors.motion_open);
  await meetings.setStatus(tenantId, meetingId, 'closed', [
    sql`closed_at = now()`,
    sql`ends_at = coalesce(ends_at, greatest(now(), starts_at))`,
  ]);
  const items = await meetings.items(tenantId, meetingId);
  await emitEvents(tx, {
    tenantId,
    type: 'meetings.closed',
    aggregateType: 'meeting',
    aggregateId: meetingId,
    payload: {
      nodeId: meeting.nodeId,
      level: meeting.level,
      decisions: items.map((i) => ({ itemId: i.id, kind: i.subjectKind, id: i.subjectId, outcome: i.outcome })),
    },
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.close', { type: 'meeting', id: meetingId }));
  return closingReport(tx, tenantId, meetingId);
}

/** Attendance by kind of invitee, quorum and the decisions of a meeting (no scope check: callers have found it). */
export async function closingReport(db: Db, tenantId: string, meetingId: string): Promise<ClosingReport> {
  const meetings = new MeetingRepository(db);
  const [invitees, attendance, items, motions] = [
    await meetings.invitees(tenantId, meetingId),
    await meetings.attendance(tenantId, meetingId),
    await meetings.items(tenantId, meetingId),
    await meetings.motions(tenantId, meetingId),
  ];
  const basics = await meetings.basics(tenantId, meetingId);
  if (!basics) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  const byKind: ClosingReport['byKind'] = {};
  for (const i of invitees) {
    const k = byKind[i.kind] ?? { invited: 0, present: 0 };
    byKind[i.kind] = k;
    k.invited += 1;
    if (i.checkedInAt) k.present += 1;
  }
  const uninvited = attendance.filter((a) => a.inviteeId === null).length;
  if (uninvited) {
    byKind.resident = { invited: 0, present: uninvited };
  }
  const membersExpected = invitees.filter((i) => i.kind === 'member').length;
  const membersPresent = attendance.filter((a) => a.isMember).length;
  return {
    meetingId,
    title: basics.title,
    invited: invitees.length,
    present: attendance.length,
    membersExpected,
    membersPresent,
    quorumMet: basics.opened,
    byKind,
    decisions: items,
    motions: {
      adopted: motions.filter((m) => m.status === 'adopted').length,
      rejected: motions.filter((m) => m.status === 'rejected').length,
      withdrawn: motions.filter((m) => m.status === 'withdrawn').length,
    },
  };
}
