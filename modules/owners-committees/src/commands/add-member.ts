import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CommitteeRepository } from '../committee.repository.ts';
import type { AddMemberBody, CommitteeMember } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { isRealDate, requireResidentOfCompound } from './compound-residents.ts';

/**
 * Adds a member to an active committee: a resident of a household of the committee's compound
 * (people module id), with a position. One chair at a time; party membership is never typed in.
 */
export async function addMember(tx: Tx, ctx: RequestContext, committeeId: string, input: AddMemberBody): Promise<CommitteeMember> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const committees = new CommitteeRepository(tx);
  const c = await committees.lock(tenantId, committeeId, scope);
  if (!c) throw AppError.notFound(ownersCommitteesNouns.committee, committeeId);
  await requireResidentOfCompound(tx, ctx.actor, scope, input, 'residentId', { id: c.compoundId, path: c.compoundPath });
  if (!isRealDate(input.since)) throw AppError.invalid([{ field: 'since', reason: 'is not a date' }]);
  if (c.status !== 'active') throw AppError.of(ownersCommitteesErrors.committee_not_active);
  if (await committees.currentMember(tenantId, committeeId, input.residentId)) throw AppError.of(ownersCommitteesErrors.already_member);
  if (input.position === 'chair' && (await committees.currentChair(tenantId, committeeId)))
    throw AppError.of(ownersCommitteesErrors.chair_taken);
  const id = await committees.insertMember(tenantId, { committeeId, ...input });
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.member.add', { type: 'owners_committee_member', id }, { committeeId, position: input.position }),
  );
  const member = (await committees.members(tenantId, committeeId, memberView(ctx))).find((m) => m.id === id);
  if (!member) throw AppError.notFound(ownersCommitteesNouns.member, id);
  return member;
}

/** What of the members the caller may see: full names (people.roster) and party tags (people.sensitive). */
export function memberView(ctx: RequestContext) {
  return { roster: scopePaths(ctx.actor, 'people.roster'), sensitive: scopePaths(ctx.actor, 'people.sensitive') };
}
