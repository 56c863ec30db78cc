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

/** Opens a conversation of `node` with the given seed statements as a community worker of `community`; returns its id and statement ids. */
export async function openTestConversation(
  db: Db,
  community: TestNode,
  node: TestNode,
  statements: string[],
): Promise<{ id: string; statementIds: string[]; staff: RequestContext }> {
  const { createConversation } = await import('./commands/create-conversation.ts');
  const staff = contextFor(community.tenantId, [{ role: 'community_staff', node: community }]);
  const c = await db.transaction((tx) => createConversation(tx, staff, { nodeId: node.id, title: '测试议题', statements }));
  const { StatementRepository } = await import('./statement.repository.ts');
  const { items } = await new StatementRepository(db).list(community.tenantId, c.id, {}, { limit: 100 });
  return { id: c.id, statementIds: items.map((s) => s.id), staff };
}
