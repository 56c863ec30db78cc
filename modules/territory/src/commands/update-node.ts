import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { validateBoundary } from '../boundary.ts';
import type { UpdateNodeInput } from '../contract.ts';
import { nodeForAbility } from '../policies.ts';
import {
  findNode,
  type NodePatch,
  type NodeRow,
  nodeWithCode,
  siblingNamed,
  updateNode as updateNodeRow,
} from '../territory.repository.ts';

/** Edits a node's own fields (not its place in the tree: see move-node). Absent fields stay; null clears. */
export async function updateNode(tx: Tx, ctx: RequestContext, id: string, input: UpdateNodeInput): Promise<NodeRow> {
  const { tenantId } = ctx.actor;
  const node = await nodeForAbility(tx, ctx.actor, id, 'territory.write', { lock: true });
  const patch: NodePatch = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const change = <K extends keyof NodePatch>(key: K, from: unknown, to: NodePatch[K]) => {
    if (to === undefined || JSON.stringify(from ?? null) === JSON.stringify(to ?? null)) return;
    patch[key] = to;
    // Shapes and free attributes are logged by name only: the audit trail is not a copy of the data.
    changes[key] = key === 'boundary' || key === 'attrs' ? { from: '…', to: '…' } : { from: from ?? null, to: to ?? null };
  };

  if (input.name !== undefined) {
    const name = input.name.trim();
    if (!name) throw AppError.invalid([{ field: 'name', reason: 'must not be blank' }]);
    if (name !== node.name && node.parentId && (await siblingNamed(tx, tenantId, node.parentId, name, node.id))) {
      throw AppError.conflict(`A sibling named ${name} already exists`, { field: 'name' });
    }
    change('name', node.name, name);
  }
  if (input.code !== undefined) {
    const code = input.code?.trim() || null;
    if (code && code !== node.code && (await nodeWithCode(tx, tenantId, code, node.id))) {
      throw AppError.conflict(`The code ${code} is already used`, { field: 'code' });
    }
    change('code', node.code, code);
  }
  if (input.boundary) {
    const problems = validateBoundary(input.boundary);
    if (problems.length) throw AppError.invalid(problems);
  }
  change('subkind', node.subkind, input.subkind);
  change('lat', node.lat, input.lat);
  change('lng', node.lng, input.lng);
  change('boundary', node.boundary, input.boundary);
  change('attrs', node.attrs, input.attrs);
  change('sortOrder', node.sortOrder, input.sortOrder);
  if (input.floorArea !== undefined) {
    // 建筑面积 belongs to a household (the weight of its vote in owners' decisions).
    if (input.floorArea !== null && node.kind !== 'household')
      throw AppError.invalid([{ field: 'floorArea', reason: 'only a household has a floor area' }]);
    if (input.floorArea !== null && Math.round(input.floorArea * 100) / 100 !== input.floorArea)
      throw AppError.invalid([{ field: 'floorArea', reason: 'has more than two decimals' }]);
    change('floorArea', node.floorArea ?? null, input.floorArea);
  }

  if (Object.keys(changes).length === 0) return node;
  await updateNodeRow(tx, tenantId, id, patch);
  await recordAudit(tx, auditEntry(ctx, 'territory.node.update', { type: 'territory_node', id }, { changes }));
  await emitEvents(tx, {
    tenantId,
    type: 'territory.node_updated',
    aggregateType: 'territory_node',
    aggregateId: id,
    payload: { fields: Object.keys(changes) },
  });
  return (await findNode(tx, tenantId, id, [node.path])) as NodeRow;
}
