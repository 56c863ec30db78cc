import { AppError, auditEntry, emitEvents, newId, type RequestContext, recordAudit } from '@linli/core';
import { ltreeLabel, type Tx } from '@linli/db';
import { validateBoundary } from '../boundary.ts';
import type { CreateNodeInput } from '../contract.ts';
import { checkParentKind, nodeForAbility } from '../policies.ts';
import { findNode, insertNodes, type NodeRow, nodeWithCode, siblingNamed } from '../territory.repository.ts';

/** Adds a node under a parent of the level just above, in the caller's territory.write scope. */
export async function createNode(tx: Tx, ctx: RequestContext, input: CreateNodeInput): Promise<NodeRow> {
  const { tenantId } = ctx.actor;
  const parent = await nodeForAbility(tx, ctx.actor, input.parentId, 'territory.write');
  checkParentKind(input.kind, parent.kind);
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'must not be blank' }]);
  if (input.boundary) {
    const problems = validateBoundary(input.boundary);
    if (problems.length) throw AppError.invalid(problems);
  }
  if (await siblingNamed(tx, tenantId, parent.id, name)) {
    throw AppError.conflict(`${parent.name} already has a ${input.kind} named ${name}`, { field: 'name' });
  }
  const code = input.code?.trim() || null;
  if (code && (await nodeWithCode(tx, tenantId, code))) throw AppError.conflict(`The code ${code} is already used`, { field: 'code' });

  const id = newId();
  await insertNodes(tx, [
    {
      tenantId,
      id,
      parentId: parent.id,
      kind: input.kind,
      name,
      path: `${parent.path}.${ltreeLabel(id)}`,
      depth: parent.depth + 1,
      subkind: input.subkind ?? null,
      code,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      boundary: input.boundary ?? null,
      attrs: input.attrs ?? {},
      sortOrder: input.sortOrder ?? 0,
    },
  ]);
  await recordAudit(
    tx,
    auditEntry(ctx, 'territory.node.create', { type: 'territory_node', id }, { parentId: parent.id, kind: input.kind, name, code }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'territory.node_created',
    aggregateType: 'territory_node',
    aggregateId: id,
    payload: { parentId: parent.id, kind: input.kind, name },
  });
  return (await findNode(tx, tenantId, id, [parent.path])) as NodeRow;
}
