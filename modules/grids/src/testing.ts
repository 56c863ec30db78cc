import { newId } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';

/** Test factory: a grid row over some buildings, without validation. */
export async function insertGrid(
  db: Db,
  input: { community: { id: string; tenantId: string }; name: string; buildingIds?: string[]; parentId?: string },
): Promise<{ id: string }> {
  const id = newId();
  const tenantId = input.community.tenantId;
  await db.execute(sql`INSERT INTO grid (tenant_id, id, community_id, parent_id, level, name)
    VALUES (${tenantId}, ${id}, ${input.community.id}, ${input.parentId ?? null}, ${input.parentId ? 'micro_grid' : 'grid'}, ${input.name})`);
  for (const buildingId of input.buildingIds ?? []) {
    await db.execute(sql`INSERT INTO grid_building (tenant_id, grid_id, building_id) VALUES (${tenantId}, ${id}, ${buildingId})`);
  }
  return { id };
}
