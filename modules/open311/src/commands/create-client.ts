import { createHash, randomBytes } from 'node:crypto';
import { AppError, type ErrorDetail, newId, recordAudit } from '@linli/core';
import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';
import { open311Errors } from '../errors.ts';
import { type ConfigureActor, configureAudit, requireOpen311Configure, tenantOf } from '../system-actor.ts';

export interface CreateClientInput {
  name: string;
  /** What clients send as jurisdiction_id; the tenant id (county code) by default. */
  jurisdictionId?: string;
  /** A chosen key (e.g. for the demo); a random 256-bit one by default. */
  apiKey?: string;
}

export interface CreatedClient {
  id: string;
  name: string;
  jurisdictionId: string;
  accountId: string;
  /** Shown once: only its SHA-256 is stored. */
  apiKey: string;
}

export function apiKeyHash(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

// Not a scrypt hash: verifyPassword refuses it, so the service account can never sign in.
const NO_PASSWORD = '!open311-service-account';

/**
 * Registers an Open311 client of a county with its api key and its service account (without a
 * password): the account the client's submissions are recorded under. The account's status is the
 * client's on/off switch (active here), the one record the accounts page and the Open311 page show.
 */
export async function createOpen311Client(tx: Db, by: ConfigureActor, input: CreateClientInput): Promise<CreatedClient> {
  await requireOpen311Configure(tx, by);
  const tenantId = tenantOf(by);
  const name = input.name.trim();
  const jurisdictionId = input.jurisdictionId ?? tenantId;
  const apiKey = input.apiKey ?? randomBytes(32).toString('base64url');
  const errors: ErrorDetail[] = [];
  if (name.length === 0 || [...name].length > 100) errors.push({ field: 'name', reason: 'must have 1 to 100 characters' });
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(jurisdictionId)) {
    errors.push({ field: 'jurisdictionId', reason: 'must be 1 to 100 letters, digits, dots, dashes or underscores' });
  }
  if (!/^[\x21-\x7e]{12,200}$/.test(apiKey)) errors.push({ field: 'apiKey', reason: 'must be 12 to 200 printable ASCII characters' });
  if (errors.length > 0) throw AppError.invalid(errors);
  const hash = apiKeyHash(apiKey);
  const taken = await one<{ key_taken: boolean; name_taken: boolean }>(
    tx,
    sql`SELECT EXISTS (SELECT 1 FROM open311_client WHERE api_key_hash = ${hash}) AS key_taken,
               EXISTS (SELECT 1 FROM open311_client WHERE tenant_id = ${tenantId} AND name = ${name}) AS name_taken`,
  );
  if (taken?.key_taken) throw AppError.of(open311Errors.key_taken, undefined, { field: 'apiKey' });
  if (taken?.name_taken) throw AppError.of(open311Errors.client_name_taken, undefined, { field: 'name' });

  const id = newId();
  const accountId = newId();
  await tx.execute(sql`INSERT INTO account (id, tenant_id, username, display_name, password_hash, status)
    VALUES (${accountId}::uuid, ${tenantId}, ${`open311-${id}`}, ${`Open311: ${name}`}, ${NO_PASSWORD}, 'active')`);
  await tx.execute(sql`INSERT INTO open311_client (tenant_id, id, name, api_key_hash, jurisdiction_id, account_id)
    VALUES (${tenantId}, ${id}::uuid, ${name}, ${hash}, ${jurisdictionId}, ${accountId}::uuid)`);
  await recordAudit(tx, configureAudit(by, 'open311.client.create', { type: 'open311_client', id }, { name, jurisdictionId, accountId }));
  return { id, name, jurisdictionId, accountId, apiKey };
}
