import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { CommitteeRepository } from '../committee.repository.ts';
import type { CreateMeetingBody, MeetingDetail } from '../contract.ts';
import { ownersCommitteesErrors } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { type MeetingConvener, meetingKindLabels } from '../vocabulary.ts';
import { isRealDate } from './compound-residents.ts';

/**
 * Drafts an owners' general meeting (业主大会) of a compound with its agenda, each matter one of the
 * Civil Code Art. 278 decisions (which sets its thresholds). The convener follows from the compound:
 * its owners' committee, else its property management committee, else the street / community (the
 * first meeting's 筹备组). A first meeting is refused where an owners' committee already serves.
 */
export async function createMeeting(tx: Tx, ctx: RequestContext, input: CreateMeetingBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  await requireReferences(tx, ctx.actor, scope, input, { compoundId: placeReference });
  const compound = await territory.node(tx, tenantId, input.compoundId);
  if (compound?.kind !== 'compound')
    throw AppError.of(ownersCommitteesErrors.not_a_compound, { place: compound?.name ?? input.compoundId }, [
      { field: 'compoundId', reason: 'is not a compound' },
    ]);
  const problems: { field: string; reason: string }[] = [];
  if (!isRealDate(input.voteFrom)) problems.push({ field: 'voteFrom', reason: 'is not a real date' });
  if (!isRealDate(input.voteUntil)) problems.push({ field: 'voteUntil', reason: 'is not a real date' });
  if (!problems.length && input.voteUntil < input.voteFrom) problems.push({ field: 'voteUntil', reason: 'is before voteFrom' });
  const matters = input.matters.map((m, i) => {
    const title = m.title.trim();
    if (!title) problems.push({ field: `matters.${i}.title`, reason: 'is empty' });
    return { kind: m.kind, title, description: m.description?.trim() || null };
  });
  const title = (input.title ?? `${compound.name}${meetingKindLabels[input.kind]}`).trim();
  if (!title) problems.push({ field: 'title', reason: 'is empty' });
  if (problems.length) throw AppError.invalid(problems);
  const active = await new CommitteeRepository(tx).activeOf(tenantId, compound.id);
  const ownersCommittee = active && active.kind !== 'property_management_committee';
  if (input.kind === 'first' && ownersCommittee) throw AppError.of(ownersCommitteesErrors.first_meeting_held, { place: compound.name });
  const convener: MeetingConvener = ownersCommittee ? 'owners_committee' : active ? 'property_management_committee' : 'community';
  const meetings = new MeetingRepository(tx);
  const id = await meetings.insert(
    tenantId,
    {
      compoundId: compound.id,
      kind: input.kind,
      title,
      convener,
      committeeId: active?.id ?? null,
      placeText: input.placeText?.trim() || null,
      voteFrom: input.voteFrom,
      voteUntil: input.voteUntil,
      createdBy: ctx.actor.accountId,
    },
    matters,
  );
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.meeting.create', { type: 'owners_meeting', id }, { title, matters: matters.map((m) => m.kind) }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.meeting_created',
    aggregateType: 'owners_meeting',
    aggregateId: id,
    payload: { compoundId: compound.id, convener },
  });
  return readMeetingDetail(tx, tenantId, id, scope);
}
