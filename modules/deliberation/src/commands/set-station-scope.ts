import { AppError, auditEntry, type RequestContext, recordAudit, requireAbility, requireReferences } from '@linli/core';
import type { Tx } from '@linli/db';
import type { ScopeKind, StationScopeBody } from '../contract.ts';
import { deliberationErrors } from '../errors.ts';
import { ScopeRepository } from '../scope.repository.ts';
import { stationReference } from '../station.repository.ts';

/**
 * A station's own decision over a kind of the county list (e.g. a compound station that takes up no
 * elevator topics), or back to the county's (list null); every change kept with who, when and why.
 */
export async function setStationScope(tx: Tx, ctx: RequestContext, input: StationScopeBody): Promise<ScopeKind[]> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const scope = requireAbility(actor, 'deliberation.write');
  await requireReferences(tx, actor, scope, input, { stationId: stationReference });
  const scopes = new ScopeRepository(tx);
  await scopes.ensureDefaults(tenantId);
  const before = await scopes.kind(tenantId, input.code, input.stationId);
  if (!before) throw AppError.of(deliberationErrors.unknown_kind, { code: input.code });
  await scopes.setStationList(tenantId, input.stationId, input.code, input.list, actor.accountId);
  const change = {
    stationId: input.stationId,
    code: input.code,
    action: input.list === null ? 'clear_override' : 'override',
    before: { list: before.list, overridden: before.overridden },
    after: { list: input.list ?? before.countyList, overridden: input.list !== null },
    reason: input.reason?.trim() || null,
    actorId: actor.accountId,
    actorName: actor.displayName,
  };
  await scopes.recordChange(tenantId, change);
  await recordAudit(tx, auditEntry(ctx, 'deliberation.scope.station', { type: 'deliberation_station', id: input.stationId }, change));
  return scopes.list(tenantId, input.stationId);
}
