import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { peopleNouns } from '../errors.ts';
import { LeaderRepository } from '../leader.repository.ts';

/** Ends a building or entrance leader's appointment. */
export async function removeLeader(tx: Tx, ctx: RequestContext, id: string): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const leaders = new LeaderRepository(tx);
  const leader = await leaders.findById(tenantId, id, scopePaths(ctx.actor, 'people.write'));
  if (!leader) throw AppError.notFound(peopleNouns.leader, id);
  await leaders.remove(tenantId, id);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'people.leader.remove',
      { type: 'node_leader', id },
      { nodeId: leader.nodeId, residentId: leader.residentId, role: leader.role },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'leader.removed',
    aggregateType: 'node_leader',
    aggregateId: id,
    payload: { nodeId: leader.nodeId },
  });
}
