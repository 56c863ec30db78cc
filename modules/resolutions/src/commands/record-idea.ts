import { AppError, auditEntry, type ReferenceKind, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory, territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { resolutionsErrors } from '../errors.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/** A resolution named by id (requireReferences): in scope where its place is. */
export const resolutionReference: ReferenceKind = {
  name: 'resolution',
  noun: 'Resolution',
  from: sql`resolution x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id`,
  path: sql`n.path`,
};

/** Records a good opinion (好意见) or golden idea (金点子) of residents, for the report to the county. */
export async function recordIdea(
  tx: Tx,
  ctx: RequestContext,
  input: { nodeId: string; kind: 'good_opinion' | 'golden_idea'; text: string; resolutionId?: string },
): Promise<{ id: string }> {
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference, resolutionId: resolutionReference });
  const place = await territory.node(tx, ctx.actor.tenantId, input.nodeId);
  if (!place || !['compound', 'community', 'subdistrict'].includes(place.kind))
    throw AppError.of(resolutionsErrors.place_kind, { place: place?.name ?? input.nodeId });
  const text = input.text.trim();
  if (!text) throw AppError.invalid([{ field: 'text', reason: 'is empty' }]);
  const id = await new SupervisionRepository(tx).insertIdea(ctx.actor.tenantId, { ...input, text, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'resolutions.idea.record', { type: 'resolution_idea', id }, { kind: input.kind }));
  return { id };
}
