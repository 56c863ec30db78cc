import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AddCandidateBody, ElectionDetail } from '../contract.ts';
import { ElectionRepository } from '../election.repository.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { memberView } from './add-member.ts';
import { requireResidentOfCompound } from './compound-residents.ts';

/** Nominates a resident of the compound's households as a candidate (before the vote opens). */
export async function addCandidate(tx: Tx, ctx: RequestContext, electionId: string, input: AddCandidateBody): Promise<ElectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const elections = new ElectionRepository(tx);
  const e = await elections.lock(tenantId, electionId, scope);
  if (!e) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  await requireResidentOfCompound(tx, ctx.actor, scope, input, 'residentId', { id: e.compoundId, path: e.compoundPath });
  if (e.status !== 'preparing') throw AppError.of(ownersCommitteesErrors.election_state, { status: e.status });
  if (await elections.isCandidate(tenantId, electionId, input.residentId)) throw AppError.of(ownersCommitteesErrors.already_candidate);
  const id = await elections.insertCandidate(tenantId, { electionId, residentId: input.residentId, position: input.position ?? 'member' });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.candidate.add', { type: 'owners_committee_candidate', id }, { electionId }));
  const detail = await elections.detail(tenantId, electionId, scope, memberView(ctx));
  if (!detail) throw AppError.notFound(ownersCommitteesNouns.election, electionId);
  return detail;
}
