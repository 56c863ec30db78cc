import { type BallotResult, ballotResult, closeBallot } from '@linli/ballots';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MatterResult, MeetingDetail } from '../contract.ts';
import { ownersCommitteesNouns } from '../errors.ts';
import { MeetingRepository } from '../meeting.repository.ts';
import { readMeetingDetail } from '../meeting-detail.ts';
import { requireMeetingStatus } from './meeting-state.ts';

/** A matter's outcome from its ballot's result (options 1 同意, 2 反对, 3 弃权): it passes when 同意 passes. */
export function matterOutcome(rule: MatterResult['rule'], r: BallotResult, paper: number): MatterResult {
  const option = (n: number) => {
    const o = r.options.find((x) => x.id === n);
    return { voters: o?.voters ?? 0, area: o?.area ?? 0, share: o?.share ?? 0, areaShare: o?.areaShare ?? null };
  };
  const agree = r.options.find((x) => x.id === 1);
  return {
    rule,
    quorumMet: r.quorumMet,
    passed: r.quorumMet && (agree?.passed ?? false),
    roll: r.roll,
    cast: r.cast,
    turnout: r.turnout,
    areaTurnout: r.areaTurnout ?? 0,
    agree: option(1),
    oppose: option(2),
    abstain: option(3),
    paper,
  };
}

/**
 * Closes the vote: every matter's ballot is counted by the ballots engine (participation ≥ 2/3 of
 * the households and of the floor area; approval > 1/2, or ≥ 3/4 for funds, rebuilding and change
 * of use, of the participating households and area) and its result stored with the matter. The
 * result is not shown to residents until it is published.
 */
export async function closeMeeting(tx: Tx, ctx: RequestContext, id: string): Promise<MeetingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const meetings = new MeetingRepository(tx);
  const m = await meetings.lock(tenantId, id, scope);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.meeting, id);
  requireMeetingStatus(m.status, ['voting']);
  const paper = await meetings.paperCount(tenantId, id);
  const outcomes: { position: number; passed: boolean }[] = [];
  for (const x of await meetings.matters(tenantId, id)) {
    if (!x.ballotId) continue;
    let { status, result } = await ballotResult(tx, ctx, x.ballotId);
    if (status === 'open') result = await closeBallot(tx, ctx, x.ballotId);
    if (!result) throw AppError.notFound(ownersCommitteesNouns.matter, x.id);
    const outcome = matterOutcome(x.rule, result, paper);
    await meetings.setMatterResult(tenantId, x.id, outcome);
    outcomes.push({ position: x.position, passed: outcome.passed });
  }
  await meetings.setClosed(tenantId, id);
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.meeting.close', { type: 'owners_meeting', id }, { outcomes, paper }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.meeting_closed',
    aggregateType: 'owners_meeting',
    aggregateId: id,
    payload: { compoundId: m.compoundId, passed: outcomes.filter((o) => o.passed).map((o) => o.position) },
  });
  return readMeetingDetail(tx, tenantId, id, scope);
}
