import { ballotResult, closeBallot } from '@linli/ballots';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CommitteeRepository } from '../committee.repository.ts';
import type { ElectionDetail } from '../contract.ts';
import { ElectionRepository } from '../election.repository.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { memberView } from './add-member.ts';
import { addYears, chinaToday } from './compound-residents.ts';

/** A committee needs at least this many members to be formed. */
const minimumMembers = 3;

/**
 * Closes the election: closes the ballot (if still open) and reads its result. Candidates who
 * passed (Art. 278 quorum and majority by owners and area) are elected, the most votes first, up to
 * the seats; with at least three elected the new term's committee is formed (the outgoing one
 * ends), its members the elected with their proposed positions (one chair: the chair candidate
 * with most votes; others become members). The result is published either way.
 */
export async function closeElection(tx: Tx, ctx: RequestContext, electionId: string): Promise<ElectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const elections = new ElectionRepository(tx);
  const e = await elections.lock(tenantId, electionId, scope);
  if (!e) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  if (e.status !== 'voting' || !e.ballotId) throw AppError.of(ownersCommitteesErrors.election_state, { status: e.status });
  let { status, result } = await ballotResult(tx, ctx, e.ballotId);
  if (status === 'open') {
    result = await closeBallot(tx, ctx, e.ballotId);
    status = 'closed';
  }
  if (status !== 'closed' || !result) throw AppError.of(ownersCommitteesErrors.ballot_still_open);
  const candidates = (await elections.ballotNames(tenantId, electionId)).map((k) => k);
  const numbered = await elections.candidates(tenantId, electionId, { roster: [], sensitive: [] });
  const optionOf = new Map(numbered.map((k) => [k.id, k.optionNo]));
  const outcomes = candidates.flatMap((k) => {
    const o = result.options.find((x) => x.id === optionOf.get(k.id));
    return o ? [{ ...k, votes: o.voters, area: o.area, passed: o.passed }] : [];
  });
  const ranked = outcomes.filter((k) => k.passed).sort((a, b) => b.votes - a.votes || b.area - a.area || a.id.localeCompare(b.id));
  const elected = ranked.slice(0, e.seats);
  const electedIds = new Set(elected.map((k) => k.id));
  for (const k of outcomes) await elections.setOutcome(tenantId, k.id, { elected: electedIds.has(k.id), votes: k.votes, area: k.area });
  const adopted = result.quorumMet && elected.length >= minimumMembers;
  const today = chinaToday();
  let newCommitteeId: string | null = null;
  if (adopted) {
    const committees = new CommitteeRepository(tx);
    const outgoing = await committees.activeOf(tenantId, e.compoundId);
    if (outgoing) await committees.end(tenantId, outgoing.id, 'expired', today, null);
    newCommitteeId = await committees.insert(tenantId, {
      compoundId: e.compoundId,
      kind: e.kind,
      name: e.title.replace(/选举$/, ''),
      formedOn: today,
      termStart: today,
      termEnd: addYears(today, e.termYears),
      predecessorId: outgoing?.id ?? null,
      createdBy: ctx.actor.accountId,
    });
    const chair = elected.find((k) => k.position === 'chair');
    for (const k of elected) {
      const position = k.position === 'chair' && k !== chair ? 'member' : k.position;
      await committees.insertMember(tenantId, { committeeId: newCommitteeId, residentId: k.residentId, position, since: today });
    }
  }
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  const turnout = `参与表决${result.cast.voters}户（${pct(result.turnout)}），专有部分面积${result.cast.area}㎡（${pct(result.areaTurnout)}）`;
  await elections.insertNotice(tenantId, {
    electionId,
    kind: 'result',
    title: `${e.title}结果公示`,
    body: adopted
      ? `${turnout}。当选${elected.length}名：${elected.map((k) => `${k.name}（${k.votes}票）`).join('、')}。任期${e.termYears}年，自${today}起。`
      : `${turnout}。${result.quorumMet ? `仅${elected.length}名候选人获得双过半同意，不足${minimumMembers}名，` : '参与表决的业主人数或面积未达三分之二，'}本次选举未产生新一届委员会。`,
    by: ctx.actor.accountId,
  });
  const stored = { quorumMet: result.quorumMet, turnout: result.turnout, areaTurnout: result.areaTurnout };
  await elections.close(tenantId, electionId, { status: adopted ? 'elected' : 'failed', newCommitteeId, result: stored });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'ownersCommittees.election.close',
      { type: 'owners_committee_election', id: electionId },
      {
        adopted,
        elected: elected.length,
        newCommitteeId,
      },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.election_closed',
    aggregateType: 'owners_committee_election',
    aggregateId: electionId,
    payload: { adopted, newCommitteeId },
  });
  const detail = await elections.detail(tenantId, electionId, scope, memberView(ctx));
  if (!detail) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  return detail;
}
