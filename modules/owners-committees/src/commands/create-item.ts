import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateOwnersCommitteesItemBody, OwnersCommitteesItem } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { OwnersCommitteesItemRepository } from '../item.repository.ts';

/** Records a owners-committees item of a community in the caller's scope (audited, with its domain event). */
export async function createOwnersCommitteesItem(
  tx: Tx,
  ctx: RequestContext,
  input: CreateOwnersCommitteesItemBody,
): Promise<OwnersCommitteesItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community')
    throw AppError.of(ownersCommitteesErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new OwnersCommitteesItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.item.create', { type: 'owners_committees_item', id }, { title: input.title }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.item_created',
    aggregateType: 'owners_committees_item',
    aggregateId: id,
    payload: {},
  });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(ownersCommitteesNouns.item, id);
  return created;
}
