import { recordPaperVote } from '@linli/ballots';
import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail, PaperBallotBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { matterChoices } from '../vocabulary.ts';
import { requireHouseholdOfCompound } from './meeting-household.ts';
import { requireMeetingStatus } from './meeting-state.ts';
import { hasVoted } from './meeting-votes.ts';

/**
 * Staff enter a household's paper ballot (书面表决票): one choice on every matter, each counted on the
 * matter's ballot like a phone vote. A household votes once, on the phone or on paper: a household
 * that voted on any matter is refused and nothing is written. When the household gave a proxy, the
 * paper ballot is the proxy's. Who entered it, and when, is kept and audited.
 */
export async function enterPaperBallot(tx: Tx, ctx: RequestContext, id: string, input: PaperBallotBody): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['voting']);
  const household = await requireHouseholdOfCompound(tx, ctx.actor, scope, input, 'householdId', {
    id: m.compoundId,
    path: m.compoundPath,
    name: m.compoundName,
  });
  const matters = await meetings.matters(tenantId, id);
  const byMatter = new Map<string, (typeof input.choices)[number]['choice']>();
  const problems: { field: string; reason: string }[] = [];
  input.choices.forEach((c, i) => {
    if (!matters.some((x) => x.id === c.matterId))
      problems.push({ field: `choices.${i}.matterId`, reason: 'is not a matter of this meeting' });
    else if (byMatter.has(c.matterId)) problems.push({ field: `choices.${i}.matterId`, reason: 'is given twice' });
    byMatter.set(c.matterId, c.choice);
  });
  matters.forEach((x) => {
    if (!byMatter.has(x.id)) problems.push({ field: 'choices', reason: `has no choice on matter ${x.position}` });
  });
  if (problems.length) throw AppError.of(ownersCommitteesErrors.paper_incomplete, undefined, problems);
  if (
    await hasVoted(
      tx,
      tenantId,
      matters.map((x) => x.ballotId),
      household.id,
    )
  )
    throw AppError.of(ownersCommitteesErrors.household_voted, { household: household.name });
  const proxy = await meetings.proxyOf(tenantId, id, household.id);
  const by = { id: ctx.actor.accountId, name: ctx.actor.displayName || ctx.actor.username };
  if (!(await meetings.insertPaper(tenantId, { meetingId: id, householdId: household.id, proxyId: proxy?.id ?? null, by })))
    throw AppError.of(ownersCommitteesErrors.household_voted, { household: household.name });
  for (const x of matters) {
    const choice = byMatter.get(x.id) as (typeof matterChoices)[number];
    // The engine's participation key is the last word: a phone vote racing this one makes it fail whole.
    await recordPaperVote(tx, ctx, x.ballotId as string, { voterId: household.id, options: [matterChoices.indexOf(choice) + 1] });
  }
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'ownersCommittees.meeting.paper_ballot',
      { type: 'owners_meeting', id },
      { householdId: household.id, household: household.name, proxyId: proxy?.id ?? null },
    ),
  );
  return readMeetingDetail(tx, tenantId, id, scope);
}
