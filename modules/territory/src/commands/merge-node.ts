import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import type { MergeResult } from '../contract.ts';
import { nodeForAbility } from '../policies.ts';
import { clashingChildNames, findNode, mergeInto, type NodeRow } from '../territory.repository.ts';

/**
 * Folds a node into another of the same kind (two entries for one real place): its children,
 * residents, role grants, party organisations, grids and organisations move to the target, then
 * the node is deleted — all in the caller's transaction. Children whose names exist under the
 * target too would clash; the merge is refused with their names, to be merged first.
 */
export async function mergeNode(
  tx: Db,
  ctx: RequestContext,
  id: string,
  input: { intoId: string },
): Promise<MergeResult & { node: NodeRow }> {
  const { tenantId } = ctx.actor;
  if (id === input.intoId) throw AppError.invalid([{ field: 'intoId', reason: 'a node cannot be merged into itself' }]);
  // Lock both rows in id order, so two opposite merges cannot deadlock.
  const [first, second] = [id, input.intoId].sort();
  const locked = new Map<string, NodeRow>();
  for (const nodeId of [first, second] as string[]) {
    locked.set(nodeId, await nodeForAbility(tx, ctx.actor, nodeId, 'territory.write', { lock: true }));
  }
  const source = locked.get(id) as NodeRow;
  const target = locked.get(input.intoId) as NodeRow;
  if (source.kind !== target.kind) {
    throw AppError.invalid([{ field: 'intoId', reason: `a ${source.kind} can only be merged into another ${source.kind}` }]);
  }
  if (!source.parentId) throw AppError.invalid([{ field: 'id', reason: 'the county cannot be merged' }]);
  const clashes = await clashingChildNames(tx, tenantId, source.id, target.id);
  if (clashes.length) {
    throw AppError.conflict(`Both nodes have children named ${clashes.join(', ')}; merge those first`, { names: clashes });
  }
  const moved = await mergeInto(tx, tenantId, source, target);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'territory.node.merge',
      { type: 'territory_node', id },
      { intoId: target.id, name: source.name, code: source.code, kind: source.kind, moved },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'territory.node_merged',
    aggregateType: 'territory_node',
    aggregateId: id,
    payload: { intoId: target.id, oldPath: source.path },
  });
  return { node: (await findNode(tx, tenantId, target.id, [target.path])) as NodeRow, moved };
}
