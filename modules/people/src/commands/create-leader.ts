import { AppError, auditEntry, can, emitEvents, newId, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateLeaderBody, Leader } from '../contract.ts';
import { peopleErrors, peopleNouns } from '../errors.ts';
import { LeaderRepository } from '../leader.repository.ts';
import { residentReference } from '../references.ts';

const nodeKindOf = { building_leader: 'building', entrance_leader: 'entrance' } as const;

/** Appoints a resident as building leader (楼栋长) or entrance leader (单元长) of the node they live under. */
export async function createLeader(tx: Db, ctx: RequestContext, input: CreateLeaderBody): Promise<Leader> {
  const tenantId = ctx.actor.tenantId;
  const leaders = new LeaderRepository(tx);
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'people.write'), input, {
    nodeId: placeReference,
    residentId: residentReference,
  });
  const node = await territory.node(tx, tenantId, input.nodeId);
  const expectedKind = nodeKindOf[input.role];
  if (!node || node.kind !== expectedKind) {
    throw AppError.invalid([{ field: 'nodeId', reason: `must be a ${expectedKind} for the role ${input.role}` }]);
  }
  if (!can(ctx.actor, 'people.write', node.path)) throw AppError.of(peopleErrors.write_required_here, { where: peopleNouns.thisPlace });
  if (!(await leaders.livesUnder(tenantId, input.residentId, node.path))) {
    throw AppError.invalid([{ field: 'residentId', reason: `must be a resident living in this ${expectedKind}` }]);
  }
  const id = newId();
  await leaders.insert({ tenantId, id, nodeId: node.id, residentId: input.residentId, role: input.role, since: input.since ?? null });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'people.leader.create',
      { type: 'node_leader', id },
      { nodeId: node.id, residentId: input.residentId, role: input.role },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'leader.appointed',
    aggregateType: 'node_leader',
    aggregateId: id,
    payload: { nodeId: node.id, role: input.role },
  });
  const leader = await leaders.findById(tenantId, id, scopePaths(ctx.actor, 'people.write'));
  if (!leader) throw new Error('created leader not readable');
  return leader;
}
