import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Attendance } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { meetingFor, requireStatus } from './meeting-guard.ts';

/** Staff on the tablet check an invitee in (once per person). */
export async function checkInInvitee(tx: Tx, ctx: RequestContext, meetingId: string, inviteeId: string): Promise<Attendance> {
  const tenantId = ctx.actor.tenantId;
  await meetingFor(tx, ctx, meetingId, 'checkIn');
  const meetings = new MeetingRepository(tx);
  const invitee = await meetings.invitee(tenantId, meetingId, inviteeId);
  if (!invitee) throw new AppError('not_found', 'Invitee not found', [{ field: 'inviteeId', reason: 'not found' }]);
  if (await meetings.checkedIn(tenantId, meetingId, { inviteeId }))
    throw AppError.of(meetingsErrors.already_checked_in, { name: invitee.name });
  const id = await meetings.insertAttendance(tenantId, meetingId, {
    inviteeId,
    name: invitee.name,
    isMember: invitee.kind === 'member',
    method: 'staff',
    checkedInBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.check_in', { type: 'meeting_attendance', id }, { meetingId, method: 'staff' }));
  return attendanceOf(tx, tenantId, meetingId, id);
}

/** The resident's households: the nodes of their resident grants. */
export function residentHouseholds(ctx: RequestContext): string[] {
  return ctx.actor.grants.filter((g) => g.role === 'resident').map((g) => g.path);
}

/**
 * A resident checks in on the phone with the meeting's code (shown as a QR code in the room): as
 * the invitee from their household when there is one, else as a resident attending. Once per
 * person; a wrong code changes nothing.
 */
export async function checkInWithCode(tx: Tx, ctx: RequestContext, meetingId: string, code: string): Promise<Attendance> {
  const tenantId = ctx.actor.tenantId;
  const households = residentHouseholds(ctx);
  if (households.length === 0) throw AppError.of(meetingsErrors.not_a_resident);
  const meetings = new MeetingRepository(tx);
  const meeting = await meetings.forResidentCheckIn(tenantId, meetingId, households);
  if (!meeting) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  requireStatus(meeting, 'checkIn');
  if (meeting.code !== code) throw AppError.of(meetingsErrors.wrong_code, {}, [{ field: 'code', reason: 'does not match' }]);
  const name = ctx.actor.displayName;
  if (
    (await meetings.checkedIn(tenantId, meetingId, { accountId: ctx.actor.accountId })) ||
    (await meetings.householdInviteeCheckedIn(tenantId, meetingId, households, name))
  ) {
    throw AppError.of(meetingsErrors.already_checked_in, { name });
  }
  const invitee = await meetings.inviteeOfAccount(tenantId, meetingId, households, name);
  const id = await meetings.insertAttendance(tenantId, meetingId, {
    inviteeId: invitee?.id,
    accountId: ctx.actor.accountId,
    name: invitee?.name ?? name,
    isMember: invitee?.kind === 'member',
    method: 'code',
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.check_in', { type: 'meeting_attendance', id }, { meetingId, method: 'code' }));
  return attendanceOf(tx, tenantId, meetingId, id);
}

async function attendanceOf(tx: Tx, tenantId: string, meetingId: string, id: string): Promise<Attendance> {
  const found = (await new MeetingRepository(tx).attendance(tenantId, meetingId)).find((a) => a.id === id);
  if (!found) throw AppError.notFound(meetingsNouns.attendance, id);
  return found;
}
