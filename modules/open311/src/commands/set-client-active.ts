import { AppError, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { open311Nouns } from '../errors.ts';
import { Open311Repository } from '../open311.repository.ts';
import { type ConfigureActor, configureAudit, requireOpen311Configure, tenantOf } from '../system-actor.ts';

/**
 * Deactivates or reactivates an Open311 client. An inactive client's api key is refused like an
 * unknown one (403, "Invalid api_key"); its past requests stay. Audited when the flag changes.
 */
export async function setOpen311ClientActive(tx: Db, by: ConfigureActor, clientId: string, active: boolean): Promise<void> {
  await requireOpen311Configure(tx, by);
  const repo = new Open311Repository(tx);
  const before = await repo.setClientActive(tenantOf(by), clientId, active);
  if (!before) throw AppError.notFound(open311Nouns.client, clientId);
  if (before.active === active) return;
  const action = active ? 'open311.client.activate' : 'open311.client.deactivate';
  await recordAudit(tx, configureAudit(by, action, { type: 'open311_client', id: clientId }, { name: before.name }));
}
