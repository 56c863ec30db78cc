import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { gridNouns } from '../errors.ts';
import { GridRepository } from '../grid.repository.ts';

/** Takes someone off a grid team. */
export async function removeGridMember(tx: Tx, ctx: RequestContext, gridId: string, memberId: string): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const grids = new GridRepository(tx);
  const target = await grids.findById(tenantId, gridId, scopePaths(ctx.actor, 'grid.write'));
  if (!target) throw AppError.notFound(gridNouns.grid, gridId);
  const member = await grids.findMember(tenantId, gridId, memberId);
  if (!member) throw AppError.notFound(gridNouns.member, memberId);
  await grids.removeMember(tenantId, gridId, memberId);
  await recordAudit(tx, auditEntry(ctx, 'grid.member.remove', { type: 'grid', id: gridId }, { memberId, role: member.role }));
  await emitEvents(tx, { tenantId, type: 'grid.member_removed', aggregateType: 'grid', aggregateId: gridId, payload: { memberId } });
}
