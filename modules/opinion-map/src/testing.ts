import { createAccount } from '@linli/accounts/testing';
import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { contextFor, type TestNode } from '@linli/people/testing';

let serial = 0;

/** A resident account living in `household` (its row exists: a participant references it) and its request context. */
export async function residentContext(db: Db, household: TestNode): Promise<RequestContext> {
  const username = `opinion.resident.${++serial}.${Date.now()}`;
  const account = await createAccount(db, { tenantId: household.tenantId, username, grants: [{ role: 'resident', nodeId: household.id }] });
  const ctx = contextFor(household.tenantId, [{ role: 'resident', node: household }], username);
  return { ...ctx, actor: { ...ctx.actor, accountId: account.id } };
}
