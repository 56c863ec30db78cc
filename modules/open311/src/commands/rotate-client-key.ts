import { randomBytes } from 'node:crypto';
import { AppError, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { open311Nouns } from '../errors.ts';
import { Open311Repository } from '../open311.repository.ts';
import { type ConfigureActor, configureAudit, requireOpen311Configure, tenantOf } from '../system-actor.ts';
import { apiKeyHash } from './create-client.ts';

/**
 * Gives an Open311 client a new random 256-bit api key. Only its SHA-256 replaces the old hash, so
 * the old key stops working with this commit; the new key is returned once. Audited without the key.
 */
export async function rotateOpen311ClientKey(tx: Db, by: ConfigureActor, clientId: string): Promise<{ id: string; apiKey: string }> {
  await requireOpen311Configure(tx, by);
  const apiKey = randomBytes(32).toString('base64url');
  const repo = new Open311Repository(tx);
  const changed = await repo.replaceKeyHash(tenantOf(by), clientId, apiKeyHash(apiKey));
  if (!changed) throw AppError.notFound(open311Nouns.client, clientId);
  await recordAudit(tx, configureAudit(by, 'open311.client.rotate_key', { type: 'open311_client', id: clientId }, { name: changed.name }));
  return { id: clientId, apiKey };
}
