import type { AuditEntry, AuditResult } from './audit.ts';
import type { Actor } from './permissions.ts';

/** Who is calling and from where; passed from the route to every command and query. */
export interface RequestContext {
  actor: Actor;
  clientIp: string | null;
}

export function auditEntry(
  ctx: RequestContext,
  action: string,
  target: { type: string; id?: string | null },
  details?: Record<string, unknown>,
  result: AuditResult = 'ok',
): AuditEntry {
  return {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.username,
    action,
    targetType: target.type,
    targetId: target.id ?? null,
    result,
    clientIp: ctx.clientIp,
    details,
  };
}
