import { auditEntry, type PersonalDataCipher, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { RevealField, RevealResult } from '../contract.ts';
import { ResidentRepository } from '../resident.repository.ts';

export type RevealOutcome = { revealed: RevealResult } | { denied: string };

/**
 * Decrypts a resident's phone and/or ID number for a caller holding people.pii on the household's
 * subtree; the scope is checked in the SQL that reads the ciphertext. Every attempt is audited as
 * `people.reveal` in the same transaction as the read — a denied one with result 'denied', and it
 * returns instead of throwing so that the caller's transaction commits the denial record.
 */
export async function revealResident(
  tx: Tx,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  residentId: string,
  fields: RevealField[] = ['phone', 'idNumber'],
): Promise<RevealOutcome> {
  const secrets = await new ResidentRepository(tx).secretsFor(ctx.actor.tenantId, residentId, scopePaths(ctx.actor, 'people.pii'));
  const target = { type: 'resident', id: residentId };
  if (!secrets?.allowed) {
    // Unknown, other tenant's and out-of-scope residents get the same answer: existence is not disclosed.
    await recordAudit(tx, auditEntry(ctx, 'people.reveal', target, { fields }, 'denied'));
    return { denied: 'Permission people.pii is required for this resident' };
  }
  const revealed: RevealResult = {};
  if (fields.includes('phone')) revealed.phone = secrets.phoneEnc ? cipher.decrypt(secrets.phoneEnc) : null;
  if (fields.includes('idNumber')) revealed.idNumber = secrets.idNumberEnc ? cipher.decrypt(secrets.idNumberEnc) : null;
  await recordAudit(tx, auditEntry(ctx, 'people.reveal', target, { fields }));
  return { revealed };
}
