import { randomInt } from 'node:crypto';
import { requireSubjects } from '@linli/ballots';
import { AppError, auditEntry, type ReferenceKind, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { CreateMeetingBody, MeetingDetail } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { checkInCode } from '../rules.ts';
import { addInviteesTo } from './add-invitees.ts';
import { meetingDetail } from './meeting-detail.ts';

/** The deliberation station a meeting is held at (requireReferences): in scope where the station's place is. */
const stationReference: ReferenceKind = {
  name: 'meetings_station',
  noun: 'Deliberation station',
  from: sql`deliberation_station x`,
  path: sql`x.node_path`,
};

/**
 * Prepares a meeting of a council (a draft): time, place (a deliberation station or free text),
 * the agenda, and the invitees — every member holding a seat now, plus flexible seats for the
 * residents the topics affect, advisers and observers. Publishing the notice is a separate step.
 */
export async function createMeeting(tx: Tx, ctx: RequestContext, input: CreateMeetingBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'meetings.write');
  const council = await new CouncilRepository(tx).findById(tenantId, input.councilId, scope);
  // A council outside the scope answers exactly like an unknown one, naming the field.
  if (!council) throw new AppError('not_found', 'Council not found', [{ field: 'councilId', reason: 'not found' }]);
  if (!council.active) throw AppError.of(meetingsErrors.council_inactive);
  // A station of another community or county answers exactly like an unknown one.
  await requireReferences(tx, ctx.actor, scope, input, { stationId: stationReference });
  // So does an agenda item naming a record (a topic, a ballot …) of another place.
  await requireSubjects(
    tx,
    ctx.actor,
    scope,
    input.items.map((item, i) => ({ field: `items.${i}.id`, kind: item.kind, id: item.id })),
  );
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const placeText = input.placeText?.trim() || undefined;
  if (!input.stationId && !placeText)
    throw AppError.of(meetingsErrors.place_required, {}, [{ field: 'placeText', reason: 'is required without stationId' }]);
  if (input.endsAt && Date.parse(input.endsAt) < Date.parse(input.startsAt)) {
    throw AppError.invalid([{ field: 'endsAt', reason: 'is before startsAt' }]);
  }
  input.items.forEach((item, i) => {
    if (!item.title.trim()) throw AppError.invalid([{ field: `items.${i}.title`, reason: 'is empty' }]);
  });
  const meetings = new MeetingRepository(tx);
  const id = await meetings.insert(tenantId, {
    councilId: council.id,
    nodeId: council.nodeId,
    level: council.level,
    title,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    stationId: input.stationId,
    placeText,
    chairName: input.chairName?.trim() || undefined,
    code: checkInCode(() => randomInt(0, 1_000_000) / 1_000_000),
    createdBy: ctx.actor.accountId,
  });
  for (const item of input.items) await meetings.appendItem(tenantId, id, { kind: item.kind, id: item.id, title: item.title.trim() });
  await meetings.inviteMembers(tenantId, id, council.id);
  const meeting = await meetings.forUpdate(tenantId, id, scope);
  if (!meeting) throw AppError.notFound(meetingsNouns.meeting, id);
  if (input.invitees?.length) await addInviteesTo(tx, ctx, meeting, input.invitees, 'invitees');
  await recordAudit(tx, auditEntry(ctx, 'meetings.meeting.create', { type: 'meeting', id }, { title, councilId: council.id }));
  const detail = await meetingDetail(tx, ctx, id);
  if (!detail) throw AppError.notFound(meetingsNouns.meeting, id);
  return detail;
}
