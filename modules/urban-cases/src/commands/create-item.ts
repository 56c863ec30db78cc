import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateUrbanCasesItemBody, UrbanCasesItem } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { UrbanCasesItemRepository } from '../item.repository.ts';

/** Records a urban-cases item of a community in the caller's scope (audited, with its domain event). */
export async function createUrbanCasesItem(tx: Tx, ctx: RequestContext, input: CreateUrbanCasesItemBody): Promise<UrbanCasesItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(urbanCasesErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new UrbanCasesItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.item.create', { type: 'urban_cases_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'urbanCases.item_created', aggregateType: 'urban_cases_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(urbanCasesNouns.item, id);
  return created;
}
