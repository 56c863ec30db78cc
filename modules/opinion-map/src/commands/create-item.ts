import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateOpinionMapItemBody, OpinionMapItem } from '../contract.ts';
import { opinionMapErrors, opinionMapNouns } from '../errors.ts';
import { OpinionMapItemRepository } from '../item.repository.ts';

/** Records a opinion-map item of a community in the caller's scope (audited, with its domain event). */
export async function createOpinionMapItem(tx: Tx, ctx: RequestContext, input: CreateOpinionMapItemBody): Promise<OpinionMapItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'opinionMap.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(opinionMapErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new OpinionMapItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'opinionMap.item.create', { type: 'opinion_map_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'opinionMap.item_created', aggregateType: 'opinion_map_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(opinionMapNouns.item, id);
  return created;
}
