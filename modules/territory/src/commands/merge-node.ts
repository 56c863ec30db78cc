import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import type { MergeResult } from '../contract.ts';
import { nodeForAbility } from '../policies.ts';
import { type DeclaredRefs, mergeBlocked, mergeBlockers, repathCopies, repointReferences } from '../references.repository.ts';
import { clashingChildNames, deleteNode, findNode, mergeChildren, type NodeRow } from '../territory.repository.ts';

/**
 * Folds a node into another of the same kind (two entries for one real place): its children move
 * under the target, every node-id column the modules declare (`refs`: residents, role grants,
 * party organisations, grids, organisations, demands …) is re-pointed at the target and every
 * declared copy of a path re-pathed, then the node is deleted — all in the caller's transaction.
 * Children whose names exist under the target too would clash; the merge is refused with their
 * names, to be merged first. Rows of a column declared `refuse`, or of a foreign key no module
 * declares, refuse the merge with a 409 naming them.
 */
export async function mergeNode(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: { intoId: string },
  refs: DeclaredRefs,
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
  const blockers = await mergeBlockers(tx, tenantId, refs, source.kind, source.id);
  if (blockers.length) throw mergeBlocked(source.name, blockers);
  const children = await mergeChildren(tx, tenantId, source, target);
  const references = (await repointReferences(tx, tenantId, refs, source.kind, source.id, target.id)).filter((r) => r.count > 0);
  const copies = (await repathCopies(tx, tenantId, refs, source.path, target.path)).filter((c) => c.count > 0);
  await deleteNode(tx, tenantId, source.id);
  const moved = { children, references };
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'territory.node.merge',
      { type: 'territory_node', id },
      { intoId: target.id, name: source.name, code: source.code, kind: source.kind, moved, copies },
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
