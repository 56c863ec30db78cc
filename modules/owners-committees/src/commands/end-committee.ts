import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CommitteeRepository } from '../committee.repository.ts';
import type { Committee, EndCommitteeBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { isRealDate } from './compound-residents.ts';

/** Ends an active committee: its term expired (到期) or it was dissolved (解散); its members leave with it. */
export async function endCommittee(tx: Tx, ctx: RequestContext, id: string, input: EndCommitteeBody): Promise<Committee> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const committees = new CommitteeRepository(tx);
  const c = await committees.lock(tenantId, id, scope);
  if (!c) throw AppError.notFound(ownersCommitteesNouns.committee, id);
  if (!isRealDate(input.endedOn)) throw AppError.invalid([{ field: 'endedOn', reason: 'is not a date' }]);
  if (c.status !== 'active') throw AppError.of(ownersCommitteesErrors.committee_not_active);
  if (input.endedOn < c.termStart) throw AppError.invalid([{ field: 'endedOn', reason: 'is before the term start' }]);
  await committees.end(tenantId, id, input.status, input.endedOn, input.note?.trim() || null);
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.committee.end', { type: 'owners_committee', id }, { status: input.status }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.committee_ended',
    aggregateType: 'owners_committee',
    aggregateId: id,
    payload: { status: input.status },
  });
  const ended = await committees.findById(tenantId, id, scope);
  if (!ended) throw AppError.notFound(ownersCommitteesNouns.committee, id);
  return ended;
}
