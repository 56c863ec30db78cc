import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import type { Criteria, CriteriaBody } from '../contract.ts';
import { CriteriaRepository } from '../criteria.repository.ts';
import { propertyErrors } from '../errors.ts';
import { recomputeStatuses } from '../status.ts';

/**
 * Sets a new version of the county's management criteria (who holds property.write on the county
 * itself) and recomputes every profile's status under it, each change kept in the history.
 */
export async function setCriteria(tx: Tx, ctx: RequestContext, input: CriteriaBody): Promise<Criteria & { changed: number }> {
  const tenantId = ctx.actor.tenantId;
  const county = await territory.countyRoot(tx, tenantId);
  const scope = scopePaths(ctx.actor, 'property.write');
  if (!county || !scope.includes(county.path)) throw AppError.of(propertyErrors.criteria_county_only);
  const criteria = new CriteriaRepository(tx);
  const version = await criteria.add(tenantId, { ...input, note: input.note?.trim() || undefined, createdBy: ctx.actor.accountId });
  const changed = await recomputeStatuses(tx, tenantId, { changedBy: ctx.actor.accountId, reason: `criteria v${version}` });
  await recordAudit(tx, auditEntry(ctx, 'property.criteria.set', { type: 'property_criteria', id: null }, { version, ...input, changed }));
  return { ...(await criteria.current(tenantId)), changed };
}
