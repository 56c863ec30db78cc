import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreatePropertyItemBody, PropertyItem } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { PropertyItemRepository } from '../item.repository.ts';

/** Records a property item of a community in the caller's scope (audited, with its domain event). */
export async function createPropertyItem(tx: Tx, ctx: RequestContext, input: CreatePropertyItemBody): Promise<PropertyItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(propertyErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new PropertyItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'property.item.create', { type: 'property_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'property.item_created', aggregateType: 'property_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(propertyNouns.item, id);
  return created;
}
