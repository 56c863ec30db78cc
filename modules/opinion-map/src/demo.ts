import { type DemoSeedContext, newId, SeededRandom } from '@linli/core';
import { rows } from '@linli/db';
import { territory, territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';
import { refreshMap } from './commands/refresh-map.ts';
import { ConversationRepository } from './conversation.repository.ts';
import { StatementRepository } from './statement.repository.ts';

/**
 * One contested conversation in the demo resident's compound: 小区停车收费方案. Three camps of
 * residents vote on sixteen statements — owners who accept a monthly fee for order (收费派), residents
 * who hold that the compound's roads are everyone's and parking should stay free (免费派), and tenants
 * and electric-car owners who care about visitors' cars and chargers (限外派) — and all of them agree
 * on the fire lanes, on publishing the accounts and on a vote of the owners' assembly. The demo
 * resident account has not voted, so it can vote on its phone and see where it lands. One statement
 * waits for moderation; one was rejected as a matter for the police (负面清单).
 */
const statements: { body: string; agree: [number, number, number] }[] = [
  { body: '地面停车位应实行按月收费，费用用于小区道路和照明维护', agree: [0.9, 0.1, 0.45] },
  { body: '收费后应给每户划定固定车位，不再先到先停', agree: [0.85, 0.15, 0.35] },
  { body: '每月100元以内的停车费可以接受', agree: [0.85, 0.1, 0.5] },
  { body: '不交停车费的车辆不应再停进小区', agree: [0.8, 0.05, 0.3] },
  { body: '小区道路属于全体业主，停车不应收费', agree: [0.1, 0.9, 0.45] },
  { body: '高龄老人和低保家庭的车辆应免收停车费', agree: [0.35, 0.9, 0.6] },
  { body: '收费只会让物业多一笔收入，管理未必变好', agree: [0.15, 0.85, 0.45] },
  { body: '应先把闲置空地改成车位，再讨论收不收费', agree: [0.3, 0.85, 0.5] },
  { body: '外来车辆应限时停放，超过两小时收费', agree: [0.55, 0.4, 0.95] },
  { body: '应增设新能源汽车充电车位', agree: [0.4, 0.3, 0.95] },
  { body: '租户和业主应享有同样的停车权利', agree: [0.2, 0.35, 0.95] },
  { body: '消防通道必须保持畅通，占用的车辆应立即挪走', agree: [0.9, 0.85, 0.9] },
  { body: '停车收费标准和收支情况应每季度公示', agree: [0.9, 0.8, 0.85] },
  { body: '停车方案应经业主大会表决后才能实施', agree: [0.8, 0.9, 0.8] },
  { body: '可以把小区绿地改成停车位', agree: [0.1, 0.15, 0.1] },
  { body: '停车应交给物业统一管理，业委会不必参与', agree: [0.45, 0.15, 0.3] },
];
const camps = [22, 16, 10];

export async function seedOpinionMapDemo(ctx: DemoSeedContext): Promise<void> {
  const db = ctx.database.db;
  const { tenantId } = ctx;
  const plan = ctx.shared.plan as { anchors?: { household?: { path: string } } } | undefined;
  let compound = plan?.anchors?.household
    ? await territory.ancestorOfKind(db, tenantId, plan.anchors.household.path, 'compound')
    : undefined;
  if (!compound) {
    const [first] = await rows<{ id: string }>(
      db,
      sql`SELECT c.id FROM ${territorySql.nodes('c')} WHERE c.tenant_id = ${tenantId} AND c.kind = 'compound' ORDER BY c.path LIMIT 1`,
    );
    compound = first ? await territory.node(db, tenantId, first.id) : undefined;
  }
  if (!compound) return;
  const accountIds = ctx.shared.accountIds instanceof Map ? (ctx.shared.accountIds as Map<string, string>) : new Map<string, string>();
  // Staff statements and the moderation are the community worker's, when the demo has that account.
  const staff = accountIds.get('community') ?? newId();
  const random = new SeededRandom(2026_0612);
  const conversationId = await db.transaction(async (tx) => {
    const conversations = new ConversationRepository(tx);
    const id = await conversations.insert(tenantId, {
      nodeId: compound.id,
      title: '小区停车收费方案',
      description: '小区车位紧张，物业提出地面停车按月收费。请对下面的观点逐条表态，也可以提出您的观点，结果将提交议事会讨论。',
      topicId: null,
      createdBy: staff,
    });
    const repo = new StatementRepository(tx);
    const ids: string[] = [];
    for (const s of statements) {
      ids.push(
        await repo.insert(tenantId, {
          conversationId: id,
          body: s.body,
          authorKind: 'staff',
          participantId: null,
          status: 'approved',
          createdBy: staff,
        }),
      );
    }
    // Participants: residents without accounts of the demo (the demo resident's own account stays free to vote).
    const participants: { id: string; camp: number }[] = [];
    let number = 0;
    for (const [camp, size] of camps.entries()) {
      for (let i = 0; i < size; i++) participants.push({ id: newId(), camp });
    }
    await tx.execute(
      sql`INSERT INTO opinion_participant (tenant_id, id, conversation_id, account_id, number) VALUES ${sql.join(
        participants.map((p) => sql`(${tenantId}, ${p.id}, ${id}, ${newId()}, ${++number})`),
        sql`, `,
      )}`,
    );
    const votes = participants.flatMap((p) =>
      statements.flatMap((s, k) => {
        if (random.chance(0.08)) return [];
        const value = random.chance(0.08) ? 0 : random.chance(s.agree[p.camp] as number) ? 1 : -1;
        return [sql`(${tenantId}, ${ids[k]}, ${p.id}, ${id}, ${value})`];
      }),
    );
    await tx.execute(
      sql`INSERT INTO opinion_vote (tenant_id, statement_id, participant_id, conversation_id, value) VALUES ${sql.join(votes, sql`, `)}`,
    );
    const author = participants[participants.length - 1] as { id: string };
    await repo.insert(tenantId, {
      conversationId: id,
      body: '晚上十点以后小区内禁止鸣笛',
      authorKind: 'resident',
      participantId: author.id,
      status: 'pending',
      createdBy: newId(),
    });
    const rejected = await repo.insert(tenantId, {
      conversationId: id,
      body: '请派出所处理3号楼某住户长期乱停车',
      authorKind: 'resident',
      participantId: author.id,
      status: 'pending',
      createdBy: newId(),
    });
    await repo.moderate(tenantId, rejected, {
      status: 'rejected',
      reason: 'excluded_topic',
      note: '负面清单：属行政执法事项，已转网格员按诉求办理',
      by: staff,
    });
    await conversations.touch(tenantId, id);
    return id;
  });
  ctx.progress(1, 2);
  await db.transaction(async (tx) => {
    const row = await new ConversationRepository(tx).lock(tenantId, conversationId, { scope: [compound.path] });
    if (row) await refreshMap(tx, tenantId, row);
  });
  ctx.progress(2, 2);
}
