import { type DemoSeedContext, newId } from '@linli/core';
import { rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** Demo data of owners-committees: a few items in the demo county's first communities (runs once per demo load). */
export async function seedOwnersCommitteesDemo(ctx: DemoSeedContext): Promise<void> {
  const communities = await rows<{ id: string }>(
    ctx.database.db,
    sql`SELECT c.id FROM ${territorySql.nodes('c')} WHERE c.tenant_id = ${ctx.tenantId} AND c.kind = 'community' ORDER BY c.name LIMIT 3`,
  );
  await ctx.database.db.transaction(async (tx) => {
    for (const [i, c] of communities.entries()) {
      await tx.execute(sql`INSERT INTO owners_committees_item (tenant_id, id, community_id, title)
        VALUES (${ctx.tenantId}, ${newId()}, ${c.id}, ${`示例记录 ${i + 1}`})`);
      ctx.progress(i + 1, communities.length);
    }
  });
}
