import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CommitteeRepository } from '../committee.repository.ts';
import type { CommitteeMember, EndMemberBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { memberView } from './add-member.ts';
import { isRealDate } from './compound-residents.ts';

/** A member leaves the committee (离任) on a date; the record stays. */
export async function endMember(
  tx: Tx,
  ctx: RequestContext,
  committeeId: string,
  memberId: string,
  input: EndMemberBody,
): Promise<CommitteeMember> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const committees = new CommitteeRepository(tx);
  const c = await committees.lock(tenantId, committeeId, scope);
  if (!c) throw AppError.notFound(ownersCommitteesNouns.committee, committeeId);
  const m = await committees.memberOf(tenantId, committeeId, memberId);
  if (!m) throw AppError.notFound(ownersCommitteesNouns.member, memberId);
  if (!isRealDate(input.until)) throw AppError.invalid([{ field: 'until', reason: 'is not a date' }]);
  if (m.until) throw AppError.of(ownersCommitteesErrors.member_ended);
  if (input.until < m.since) throw AppError.invalid([{ field: 'until', reason: 'is before the member joined' }]);
  await committees.endMember(tenantId, memberId, input.until);
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.member.end', { type: 'owners_committee_member', id: memberId }, { committeeId }));
  const member = (await committees.members(tenantId, committeeId, memberView(ctx))).find((x) => x.id === memberId);
  if (!member) throw AppError.notFound(ownersCommitteesNouns.member, memberId);
  return member;
}
