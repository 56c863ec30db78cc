import { createBallot, openBallot, registerProxy } from '@linli/ballots';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MeetingDetail } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { matterChoiceLabels, matterChoices } from '../vocabulary.ts';
import { chinaToday } from './compound-residents.ts';
import { requireMeetingStatus } from './meeting-state.ts';

/** How many households one person may hold a proxy for (the ballots engine's `maxProxies`). */
export const maxProxiesPerHolder = 5;

/**
 * Opens the vote on the first day of the voting period: every matter gets its own ballot of the
 * ballots engine — households of the compound weighted by floor area, Civil Code Art. 278 ordinary
 * (双过半) or major (双四分之三) by the matter's kind, options 同意 / 反对 / 弃权, voted on the phone
 * (and on paper through staff) — whose roll is frozen now. Proxies already registered with a holder
 * household are registered on every ballot, so the holder votes for the grantor on the phone.
 */
export async function openMeetingVote(tx: Tx, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['noticed']);
  if (chinaToday() < m.voteFrom) throw AppError.of(ownersCommitteesErrors.voting_not_started, { date: m.voteFrom });
  const proxies = (await meetings.proxies(tenantId, id)).filter((p) => p.holderHouseholdId);
  const ballotIds: string[] = [];
  for (const x of await meetings.matters(tenantId, id)) {
    const ballot = await createBallot(tx, ctx, {
      placeId: m.compoundId,
      subject: { kind: 'owners_meeting', id, title: m.title },
      title: `${x.position}. ${x.title}`.slice(0, 200),
      method: 'online',
      voterUnit: 'household',
      weighting: 'area',
      rule: x.rule,
      options: matterChoices.map((c) => matterChoiceLabels[c]),
      maxProxies: maxProxiesPerHolder,
      allowChange: true,
      anonymous: true,
    });
    await openBallot(tx, ctx, ballot.id);
    for (const p of proxies) await registerProxy(tx, ctx, ballot.id, { grantorId: p.householdId, holderId: p.holderHouseholdId as string });
    await meetings.setMatterBallot(tenantId, x.id, ballot.id);
    ballotIds.push(ballot.id);
  }
  await meetings.setVoting(tenantId, id);
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.meeting.open', { type: 'owners_meeting', id }, { ballotIds }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.meeting_voting',
    aggregateType: 'owners_meeting',
    aggregateId: id,
    payload: { compoundId: m.compoundId, ballotIds },
  });
  return readMeetingDetail(tx, tenantId, id, scope);
}
