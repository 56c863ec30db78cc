import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory, territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import type { CreateCommitteeBody } from '../contract.ts';
import { resolutionsErrors } from '../errors.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/** Forms the supervision committee (小区事务监督委员会) of a compound: one per compound. Resolutions under way there without one join it. */
export async function createCommittee(tx: Tx, ctx: RequestContext, input: CreateCommitteeBody): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const place = await territory.node(tx, tenantId, input.nodeId);
  if (place?.kind !== 'compound') throw AppError.of(resolutionsErrors.committee_place, { place: place?.name ?? input.nodeId });
  const repo = new SupervisionRepository(tx);
  if ((await repo.committees(tenantId, scope, place.id)).length > 0)
    throw AppError.of(resolutionsErrors.committee_exists, { place: place.name });
  const id = await repo.insertCommittee(tenantId, {
    nodeId: place.id,
    name: input.name?.trim() || `${place.name}小区事务监督委员会`,
    createdBy: ctx.actor.accountId,
  });
  await tx.execute(adoptOrphans(tenantId, id, place.path));
  await recordAudit(tx, auditEntry(ctx, 'resolutions.committee.create', { type: 'supervision_committee', id }, { nodeId: place.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'resolutions.committee_created',
    aggregateType: 'supervision_committee',
    aggregateId: id,
    payload: {},
  });
  return { id };
}

/** Resolutions at the compound or below it that had no committee. */
function adoptOrphans(tenantId: string, committeeId: string, path: string) {
  return sql`UPDATE resolution r SET committee_id = ${committeeId}
    WHERE r.tenant_id = ${tenantId} AND r.committee_id IS NULL
      AND EXISTS (SELECT 1 FROM ${territorySql.nodes('n')} WHERE n.tenant_id = r.tenant_id AND n.id = r.node_id AND n.path <@ ${path}::ltree)`;
}
