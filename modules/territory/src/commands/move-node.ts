import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { checkParentKind, nodeForAbility } from '../policies.ts';
import { type DeclaredRefs, repathCopies } from '../references.repository.ts';
import { findNode, type NodeRow, repathSubtree, siblingNamed } from '../territory.repository.ts';

/**
 * Hangs a node (and its whole subtree) under another parent of the right kind. The subtree is
 * re-pathed in one UPDATE; rows that point at node ids (role grants, residents, party
 * organisations …) follow by themselves, and every copy of a path the modules declare (`refs`:
 * a demand's place, handling unit and first receiver …) is re-pathed in the same transaction, so
 * scope checks on the copies answer as on the tree.
 */
export async function moveNode(tx: Tx, ctx: RequestContext, id: string, input: { parentId: string }, refs: DeclaredRefs): Promise<NodeRow> {
  const { tenantId } = ctx.actor;
  const node = await nodeForAbility(tx, ctx.actor, id, 'territory.write', { lock: true });
  if (!node.parentId) throw AppError.invalid([{ field: 'id', reason: 'the county is the root and cannot be moved' }]);
  const parent = await nodeForAbility(tx, ctx.actor, input.parentId, 'territory.write');
  if (parent.path === node.path || parent.path.startsWith(`${node.path}.`)) {
    throw AppError.invalid([{ field: 'parentId', reason: 'a node cannot be moved under itself or one of its descendants' }]);
  }
  checkParentKind(node.kind, parent.kind);
  if (parent.id === node.parentId) return node;
  if (await siblingNamed(tx, tenantId, parent.id, node.name)) {
    throw AppError.conflict(`${parent.name} already has a ${node.kind} named ${node.name}`, { field: 'parentId' });
  }
  const moved = await repathSubtree(tx, tenantId, node, parent);
  const newPath = `${parent.path}.${node.path.split('.').pop()}`;
  const copies = (await repathCopies(tx, tenantId, refs, node.path, newPath)).filter((c) => c.count > 0);
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'territory.node.move',
      { type: 'territory_node', id },
      { fromParentId: node.parentId, toParentId: parent.id, nodes: moved, copies },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'territory.node_moved',
    aggregateType: 'territory_node',
    aggregateId: id,
    payload: { fromParentId: node.parentId, toParentId: parent.id, oldPath: node.path },
  });
  return (await findNode(tx, tenantId, id, [parent.path])) as NodeRow;
}
