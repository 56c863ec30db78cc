import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateResolutionsItemBody, ResolutionsItem } from '../contract.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { ResolutionsItemRepository } from '../item.repository.ts';

/** Records a resolutions item of a community in the caller's scope (audited, with its domain event). */
export async function createResolutionsItem(tx: Tx, ctx: RequestContext, input: CreateResolutionsItemBody): Promise<ResolutionsItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community')
    throw AppError.of(resolutionsErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new ResolutionsItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'resolutions.item.create', { type: 'resolutions_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'resolutions.item_created', aggregateType: 'resolutions_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(resolutionsNouns.item, id);
  return created;
}
