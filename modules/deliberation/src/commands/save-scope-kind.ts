import { AppError, auditEntry, type RequestContext, recordAudit, requireAbility } from '@linli/core';
import type { Tx } from '@linli/db';
import type { SaveScopeKindBody, ScopeKind } from '../contract.ts';
import { ScopeRepository } from '../scope.repository.ts';

/**
 * Adds or changes a kind of the county's scope lists (deliberation.scope over the county), keeping
 * who changed what and when. An excluded kind says where its topics go instead.
 */
export async function saveScopeKind(tx: Tx, ctx: RequestContext, input: SaveScopeKindBody): Promise<ScopeKind[]> {
  const { actor } = ctx;
  const tenantId = actor.tenantId;
  const scope = requireAbility(actor, 'deliberation.scope');
  // The lists are the county's: the ability must hold at the county's root (a one-label path).
  if (!scope.some((p) => !p.includes('.'))) throw AppError.forbidden('Permission deliberation.scope over the county is required');
  if (input.list === 'excluded' && !input.redirect)
    throw AppError.invalid([{ field: 'redirect', reason: 'is required for an excluded kind' }]);
  if (input.list === 'allowed' && input.redirect)
    throw AppError.invalid([{ field: 'redirect', reason: 'is given only for an excluded kind' }]);
  const scopes = new ScopeRepository(tx);
  await scopes.ensureDefaults(tenantId);
  const before = await scopes.kind(tenantId, input.code);
  const after = {
    code: input.code,
    list: input.list,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    redirect: input.redirect ?? null,
    active: input.active ?? before?.active ?? true,
    position: input.position ?? before?.position ?? 1000,
  };
  await scopes.saveKind(tenantId, after, actor.accountId);
  const previous = before
    ? {
        list: before.list,
        name: before.name,
        description: before.description,
        redirect: before.redirect,
        active: before.active,
        position: before.position,
      }
    : null;
  await scopes.recordChange(tenantId, {
    stationId: null,
    code: input.code,
    action: before ? 'update' : 'create',
    before: previous,
    after,
    actorId: actor.accountId,
    actorName: actor.displayName,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'deliberation.scope.save',
      { type: 'deliberation_scope_kind', id: null },
      { code: input.code, before: previous, after },
    ),
  );
  return scopes.list(tenantId);
}
