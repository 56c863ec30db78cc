import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  emitEvents,
  newId,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateGridBody, GridDetail } from '../contract.ts';
import { gridErrors } from '../errors.ts';
import { GridRepository } from '../grid.repository.ts';
import { gridReference } from '../references.ts';

/**
 * Draws a grid (网格) of a community over some of its buildings, or a micro-grid (微网格) inside a
 * grid of the same community over some of that grid's buildings.
 */
export async function createGrid(tx: Db, ctx: RequestContext, input: CreateGridBody): Promise<GridDetail> {
  const tenantId = ctx.actor.tenantId;
  const grids = new GridRepository(tx);
  // A community, grid or building outside the caller's grid.write scope answers as one that does not exist.
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'grid.write'), input, {
    communityId: placeReference,
    parentId: gridReference,
    buildingIds: placeReference,
  });
  const errors: ErrorDetail[] = [];
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') {
    throw AppError.invalid([{ field: 'communityId', reason: 'is not a community' }]);
  }
  if (!can(ctx.actor, 'grid.write', community.path)) throw AppError.of(gridErrors.write_required);

  let parentBuildings: Set<string> | undefined;
  if (input.level === 'grid' && input.parentId) {
    errors.push({ field: 'parentId', reason: 'a grid has no parent; only a micro_grid sits inside a grid' });
  } else if (input.level === 'micro_grid') {
    const parent = input.parentId ? await grids.parentGrid(tenantId, input.parentId) : undefined;
    if (parent?.level !== 'grid' || parent.communityId !== community.id) {
      errors.push({ field: 'parentId', reason: 'a micro_grid needs a parent grid of the same community' });
    } else {
      parentBuildings = new Set(await grids.buildingIdsOf(tenantId, parent.id));
    }
  }
  const inCommunity = new Set(await grids.buildingsUnder(tenantId, input.buildingIds, community.path));
  input.buildingIds.forEach((id, i) => {
    if (!inCommunity.has(id)) errors.push({ field: `buildingIds.${i}`, reason: `is not a building of ${community.name}`, value: id });
    else if (parentBuildings && !parentBuildings.has(id))
      errors.push({ field: `buildingIds.${i}`, reason: 'is not covered by the parent grid', value: id });
  });
  const name = input.name.trim();
  if (await grids.nameTaken(tenantId, community.id, name))
    errors.push({ field: 'name', reason: `${community.name} already has a grid of this name` });
  if (errors.length > 0) throw AppError.invalid(errors);

  const id = newId();
  await grids.insert(
    { tenantId, id, communityId: community.id, parentId: input.parentId ?? null, level: input.level, name, code: input.code ?? null },
    input.buildingIds,
  );
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'grid.create',
      { type: 'grid', id },
      { communityId: community.id, level: input.level, buildings: input.buildingIds.length },
    ),
  );
  await emitEvents(tx, { tenantId, type: 'grid.created', aggregateType: 'grid', aggregateId: id, payload: { communityId: community.id } });
  const created = await grids.findById(tenantId, id, scopePaths(ctx.actor, 'grid.write'));
  if (!created) throw new Error('created grid not readable');
  return created;
}
