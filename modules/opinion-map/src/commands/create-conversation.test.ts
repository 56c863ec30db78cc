import { type AppError, newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConversation } from './create-conversation.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('createConversation', () => {
  it('opens a conversation of a compound in scope with approved seed statements, audited, with its event', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const c = await database.db.transaction((tx) =>
      createConversation(tx, ctx, { nodeId: tree.a.compound.id, title: ' 加装电梯 ', statements: ['一楼应得到补偿', '费用按楼层分摊'] }),
    );
    expect(c).toMatchObject({ title: '加装电梯', nodeName: '凤凰小区', state: 'open', statementCount: 2, pendingCount: 0, topicId: null });
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'opinionMap.conversation.create' AND target_id = $1",
      [c.id],
    );
    expect(audit?.n).toBe(1);
    const [event] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_event WHERE type = 'opinionMap.conversation_opened' AND aggregate_id = $1",
      [c.id],
    );
    expect(event?.n).toBe(1);
  });

  it('answers a place outside the scope like an unknown one, and refuses a building', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const outside = await database.db
      .transaction((tx) => createConversation(tx, ctx, { nodeId: tree.b.community.id, title: '越权' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(outside).toBe('not_found');
    const building = await database.db
      .transaction((tx) => createConversation(tx, ctx, { nodeId: tree.a.building.id, title: '楼栋' }))
      .catch((e: AppError) => e.declared?.code ?? e.code);
    expect(building).toBe('opinion_map.wrong_place_kind');
    const [count] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM opinion_conversation WHERE title IN ('越权', '楼栋')",
    );
    expect(count?.n).toBe(0);
  });

  it('answers a deliberation topic of another community like an unknown one, and links one of its own', async () => {
    const ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
    const topicAt = async (node: { id: string; path: string }, level: string) => {
      const id = newId();
      await database.query(
        `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level)
         VALUES ('370785', $1, $2, '加装电梯', '费用分摊', 'staff', $3, $4::ltree, $5)`,
        [id, `T-${id.slice(-6)}`, node.id, node.path, level],
      );
      return id;
    };
    const refusal = (topicId: string) =>
      database.db
        .transaction((tx) => createConversation(tx, ctx, { nodeId: tree.a.compound.id, title: '外部议题', topicId }))
        .then(() => 'created')
        .catch((e: AppError) => `${e.declared?.code ?? e.code} ${e.message.replaceAll(topicId, '<id>')}`);
    const unknown = await refusal(newId());
    expect(unknown).toMatch(/^not_found/);
    expect(await refusal(await topicAt(tree.b.community, 'community'))).toBe(unknown);
    const [count] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM opinion_conversation WHERE title = '外部议题'");
    expect(count?.n).toBe(0);
    const own = await topicAt(tree.a.compound, 'compound');
    const c = await database.db.transaction((tx) =>
      createConversation(tx, ctx, { nodeId: tree.a.compound.id, title: '本小区议题', topicId: own }),
    );
    expect(c.topicId).toBe(own);
  });
});
