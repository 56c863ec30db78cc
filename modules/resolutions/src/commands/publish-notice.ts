import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { Publication, PublishBody } from '../contract.ts';
import { resolutionsErrors, resolutionsNouns } from '../errors.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/**
 * Publishes a place's notice of a month (一公示): the resolutions under way there and their
 * evaluations, on the public page of the place and as a printable A4 notice, open to objections
 * for `objectionDays` (7 by default). One notice per place and month.
 */
export async function publishNotice(tx: Tx, ctx: RequestContext, input: PublishBody): Promise<Publication> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (!place || !['compound', 'community', 'subdistrict'].includes(place.kind))
    throw AppError.of(resolutionsErrors.place_kind, { place: place?.name ?? input.nodeId });
  const repo = new SupervisionRepository(tx);
  const id = await repo.insertPublication(tenantId, {
    nodeId: place.id,
    month: input.month,
    objectionDays: input.objectionDays ?? 7,
    publishedBy: ctx.actor.accountId,
  });
  if (!id) throw AppError.of(resolutionsErrors.already_published, { place: place.name, month: input.month });
  await recordAudit(
    tx,
    auditEntry(ctx, 'resolutions.notice.publish', { type: 'resolution_publication', id }, { nodeId: place.id, month: input.month }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.notice_published',
    aggregateType: 'resolution_publication',
    aggregateId: id,
    payload: { nodeId: place.id, month: input.month },
  });
  const [published] = await repo.publications(tenantId, sql`p.id = ${id}::uuid`);
  if (!published) throw AppError.notFound(resolutionsNouns.publication, id);
  return published;
}
