import { accountReference } from '@linli/accounts';
import { AppError, auditEntry, emitEvents, newId, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { residentReference } from '@linli/people';
import type { AddMemberBody, GridMember } from '../contract.ts';
import { gridErrors, gridNouns } from '../errors.ts';
import { GridRepository } from '../grid.repository.ts';

/**
 * Adds someone to a grid team ("1 + N"): exactly one leader, a community cadre with a staff
 * account; the others are staff accounts or residents living in the grid's community.
 */
export async function addGridMember(tx: Db, ctx: RequestContext, gridId: string, input: AddMemberBody): Promise<GridMember> {
  const tenantId = ctx.actor.tenantId;
  const grids = new GridRepository(tx);
  const target = await grids.findById(tenantId, gridId, scopePaths(ctx.actor, 'grid.write'));
  if (!target) throw AppError.notFound(gridNouns.grid, gridId);
  // Staff accounts and residents outside the caller's grid.write scope answer as ones that do not exist.
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'grid.write'), input, {
    accountId: accountReference,
    residentId: residentReference,
  });

  const errors = [];
  if (!input.accountId && !input.residentId)
    errors.push({ field: 'accountId', reason: 'a member is a staff account, a resident, or both' });
  if (input.role === 'leader' && !input.accountId)
    errors.push({ field: 'accountId', reason: 'the leader is a community cadre with a staff account' });
  if (input.accountId && !(await grids.accountName(tenantId, input.accountId)))
    errors.push({ field: 'accountId', reason: 'is not an active account' });
  if (input.residentId && !(await grids.residentLivesUnder(tenantId, input.residentId, target.communityPath))) {
    errors.push({ field: 'residentId', reason: `is not a resident of ${target.communityName}` });
  }
  if (errors.length > 0) throw AppError.invalid(errors);
  if (input.role === 'leader' && (await grids.hasLeader(tenantId, gridId)))
    throw AppError.of(gridErrors.leader_taken, undefined, { field: 'role' });

  const id = newId();
  const member = {
    id,
    role: input.role,
    name: input.name.trim(),
    accountId: input.accountId ?? null,
    residentId: input.residentId ?? null,
  };
  await grids.insertMember({ tenantId, gridId, ...member });
  await recordAudit(tx, auditEntry(ctx, 'grid.member.add', { type: 'grid', id: gridId }, { memberId: id, role: input.role }));
  await emitEvents(tx, {
    tenantId,
    type: 'grid.member_added',
    aggregateType: 'grid',
    aggregateId: gridId,
    payload: { memberId: id, role: input.role },
  });
  return member;
}
