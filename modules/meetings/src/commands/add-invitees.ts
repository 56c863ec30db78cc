import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences } from '@linli/core';
import type { Tx } from '@linli/db';
import { residentReference } from '@linli/people';
import type { InviteeInput, MeetingDetail } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsNouns } from '../errors.ts';
import { MeetingRepository, type MeetingRow } from '../meeting.repository.ts';
import { meetingDetail } from './meeting-detail.ts';
import { meetingFor } from './meeting-guard.ts';

/**
 * Adds invitees to a meeting: flexible seats for residents the topic affects (named by their
 * record, which must lie under the meeting's place; usually invited on the phone), advisers of a
 * red project (judges, lawyers, mediators: a name and whom they come from), observers.
 */
export async function addInviteesTo(
  tx: Tx,
  ctx: RequestContext,
  meeting: MeetingRow,
  invitees: InviteeInput[],
  field: string,
): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const residentIds = invitees.map((i) => i.residentId).filter((v): v is string => v !== undefined);
  await requireReferences(
    tx,
    ctx.actor,
    [meeting.path],
    { [`${field}.residentId`]: residentIds },
    {
      [`${field}.residentId`]: residentReference,
    },
  );
  const meetings = new MeetingRepository(tx);
  const councils = new CouncilRepository(tx);
  const seen = new Set<string>();
  for (const [i, invitee] of invitees.entries()) {
    let name = invitee.name?.trim();
    let householdId: string | undefined;
    if (invitee.residentId) {
      if (seen.has(invitee.residentId) || (await meetings.residentInvited(tenantId, meeting.id, invitee.residentId))) continue;
      seen.add(invitee.residentId);
      const resident = await councils.residentName(tenantId, invitee.residentId);
      name ||= resident?.name;
      householdId = resident?.householdId;
    }
    if (!name) throw AppError.invalid([{ field: `${field}.${i}.name`, reason: 'is required when no resident is named' }]);
    await meetings.insertInvitee(tenantId, meeting.id, {
      kind: invitee.kind,
      name,
      residentId: invitee.residentId,
      householdId,
      affiliation: invitee.affiliation?.trim() || undefined,
      invitedByPhone: invitee.invitedByPhone ?? invitee.kind === 'flexible',
    });
  }
}

/** Adds invitees to a meeting not yet held. */
export async function addInvitees(tx: Tx, ctx: RequestContext, meetingId: string, invitees: InviteeInput[]): Promise<MeetingDetail> {
  const meeting = await meetingFor(tx, ctx, meetingId, 'invite');
  await addInviteesTo(tx, ctx, meeting, invitees, 'invitees');
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.invite', { type: 'meeting', id: meetingId }, { count: invitees.length }));
  const detail = await meetingDetail(tx, ctx, meetingId);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, meetingId);
  return detail;
}
