import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateDeliberationItemBody, DeliberationItem } from '../contract.ts';
import { deliberationErrors, deliberationNouns } from '../errors.ts';
import { DeliberationItemRepository } from '../item.repository.ts';

/** Records a deliberation item of a community in the caller's scope (audited, with its domain event). */
export async function createDeliberationItem(tx: Tx, ctx: RequestContext, input: CreateDeliberationItemBody): Promise<DeliberationItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'deliberation.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community')
    throw AppError.of(deliberationErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new DeliberationItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'deliberation.item.create', { type: 'deliberation_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'deliberation.item_created', aggregateType: 'deliberation_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(deliberationNouns.item, id);
  return created;
}
