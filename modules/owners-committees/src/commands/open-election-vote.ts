import { createBallot, openBallot } from '@linli/ballots';
import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ElectionDetail, OpenVoteBody } from '../contract.ts';
import { ElectionRepository, vettingOf } from '../election.repository.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { memberView } from './add-member.ts';

/**
 * Opens the owners' vote: the candidates who passed the vetting go on one ballot of the ballots
 * engine as an owners' decision (Civil Code Art. 278: households weighted by floor area, 2/3 taking
 * part, each candidate elected with more than half of the participating owners and area), each
 * owner choosing up to `seats` candidates; the roll is frozen. The candidate list is published.
 */
export async function openElectionVote(tx: Tx, ctx: RequestContext, electionId: string, input: OpenVoteBody): Promise<ElectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const elections = new ElectionRepository(tx);
  const e = await elections.lock(tenantId, electionId, scope);
  if (!e) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  if (e.status !== 'preparing') throw AppError.of(ownersCommitteesErrors.election_state, { status: e.status });
  const view = memberView(ctx);
  const vetted = await elections.candidates(tenantId, electionId, { roster: [], sensitive: [] });
  const pending = vetted.filter((k) => k.vetting === 'pending');
  if (pending.length) throw AppError.of(ownersCommitteesErrors.not_vetted, { count: pending.length });
  const passed = new Set(vetted.filter((k) => vettingOf(k.checks) === 'passed').map((k) => k.id));
  if (passed.size < e.seats) throw AppError.of(ownersCommitteesErrors.too_few_candidates, { seats: e.seats });
  const names = (await elections.ballotNames(tenantId, electionId)).filter((k) => passed.has(k.id));
  const twice = new Set(names.filter((k, i) => names.findIndex((o) => o.name === k.name) !== i).map((k) => k.name));
  const labels = names.map((k) => (twice.has(k.name) && k.householdName ? `${k.name}（${k.householdName}）` : k.name));
  const ballot = await createBallot(tx, ctx, {
    placeId: e.compoundId,
    subject: { kind: 'owners_decision', id: electionId, title: e.title },
    title: e.title,
    method: input.method,
    voterUnit: 'household',
    weighting: 'area',
    rule: 'art278_ordinary',
    options: labels,
    maxChoices: e.seats,
    maxProxies: input.maxProxies ?? 1,
    allowChange: true,
    anonymous: true,
  });
  await openBallot(tx, ctx, ballot.id);
  for (const [i, k] of names.entries()) await elections.setOptionNo(tenantId, k.id, i + 1);
  await elections.setVoting(tenantId, electionId, ballot.id);
  await elections.insertNotice(tenantId, {
    electionId,
    kind: 'candidates',
    title: `${e.title}候选人公示`,
    body: `经资格审查，以下${names.length}名业主为${e.title}候选人（应选${e.seats}名）：${labels.join('、')}。业主表决按《民法典》第二百七十八条进行。`,
    by: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.election.open', { type: 'owners_committee_election', id: electionId }, { ballotId: ballot.id }),
  );
  const detail = await elections.detail(tenantId, electionId, scope, view);
  if (!detail) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  return detail;
}
