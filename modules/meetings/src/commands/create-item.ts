import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateMeetingsItemBody, MeetingsItem } from '../contract.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { MeetingsItemRepository } from '../item.repository.ts';

/** Records a meetings item of a community in the caller's scope (audited, with its domain event). */
export async function createMeetingsItem(tx: Tx, ctx: RequestContext, input: CreateMeetingsItemBody): Promise<MeetingsItem> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'meetings.write');
  // A community outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(meetingsErrors.not_a_community, { place: community?.name ?? input.communityId });
  const title = input.title.trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const items = new MeetingsItemRepository(tx);
  const id = await items.insert(tenantId, { ...input, title, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'meetings.item.create', { type: 'meetings_item', id }, { title: input.title }));
  await emitEvents(tx, { tenantId, type: 'meetings.item_created', aggregateType: 'meetings_item', aggregateId: id, payload: {} });
  const created = await items.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(meetingsNouns.item, id);
  return created;
}
