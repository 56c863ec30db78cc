import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { __Pascal__Item, Create__Pascal__ItemBody } from '../contract.ts';
import { __camel__Errors, __camel__Nouns } from '../errors.ts';
import { __Pascal__ItemRepository } from '../item.repository.ts';

/** Records a __name__ item of a community in the caller's scope (audited, with its domain event). */
export async function create__Pascal__Item(tx: Tx, ctx: RequestContext, input: Create__Pascal__ItemBody): Promise<__Pascal__Item> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, '__camel__.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(__camel__Errors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new __Pascal__ItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, '__camel__.item.create', { type: '__snake___item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: '__camel__.item_created', aggregateType: '__snake___item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(__camel__Nouns.item, id);
  return created;
}
