import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { BallotsItem, CreateBallotsItemBody } from '../contract.ts';
import { ballotsErrors, ballotsNouns } from '../errors.ts';
import { BallotsItemRepository } from '../item.repository.ts';

/** Records a ballots item of a community in the caller's scope (audited, with its domain event). */
export async function createBallotsItem(tx: Tx, ctx: RequestContext, input: CreateBallotsItemBody): Promise<BallotsItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ballots.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(ballotsErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new BallotsItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'ballots.item.create', { type: 'ballots_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'ballots.item_created', aggregateType: 'ballots_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(ballotsNouns.item, id);
  return created;
}
