import { type AuditEntry, auditEntry, type RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { requireConfigure } from '@linli/demands';

/** Set-up run by the platform itself (demo loader, command line), audited as 'system'. */
export interface SystemActor {
  system: true;
  tenantId: string;
}

export type ConfigureActor = RequestContext | SystemActor;

export const tenantOf = (by: ConfigureActor) => ('system' in by ? by.tenantId : by.actor.tenantId);

/** Staff need demand.configure on the county; the system may always. */
export async function requireOpen311Configure(tx: Db, by: ConfigureActor): Promise<void> {
  if (!('system' in by)) await requireConfigure(tx, by);
}

export function configureAudit(
  by: ConfigureActor,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown>,
): AuditEntry {
  if ('system' in by) return { tenantId: by.tenantId, actorName: 'system', action, targetType: target.type, targetId: target.id, details };
  return auditEntry(by, action, target, details);
}
