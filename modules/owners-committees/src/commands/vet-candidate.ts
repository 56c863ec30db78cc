import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ElectionDetail, VetCandidateBody } from '../contract.ts';
import { ElectionRepository } from '../election.repository.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { memberView } from './add-member.ts';

/**
 * Records one eligibility check (资格审查) of a candidate: what was checked, the result and a note,
 * with who checked and when. A later check of the same item supersedes it; every check stays.
 */
export async function vetCandidate(
  tx: Tx,
  ctx: RequestContext,
  electionId: string,
  candidateId: string,
  input: VetCandidateBody,
): Promise<ElectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const elections = new ElectionRepository(tx);
  const e = await elections.lock(tenantId, electionId, scope);
  if (!e) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  if (!(await elections.candidateOf(tenantId, electionId, candidateId)))
    throw AppError.notFound(ownersCommitteesNouns.candidate, candidateId);
  if (e.status !== 'preparing') throw AppError.of(ownersCommitteesErrors.election_state, { status: e.status });
  const note = input.note?.trim() || null;
  if (!input.passed && !note) throw AppError.invalid([{ field: 'note', reason: 'is required when the check fails' }]);
  const id = await elections.insertCheck(tenantId, {
    candidateId,
    item: input.item,
    passed: input.passed,
    note,
    by: ctx.actor.accountId,
    byName: ctx.actor.displayName,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'ownersCommittees.candidate.vet',
      { type: 'owners_committee_candidate', id: candidateId },
      {
        check: id,
        item: input.item,
        passed: input.passed,
      },
    ),
  );
  const detail = await elections.detail(tenantId, electionId, scope, memberView(ctx));
  if (!detail) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  return detail;
}
