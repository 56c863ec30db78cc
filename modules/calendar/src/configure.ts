import { AppError, type RequestContext, requireAbility } from '@linli/core';
import { type Db, one } from '@linli/db';
import { sql } from 'drizzle-orm';

/** The calendar is county-wide: changing it takes demand.configure on the county node. */
export async function requireConfigure(tx: Db, ctx: RequestContext): Promise<void> {
  const county = await one<{ path: string }>(
    tx,
    sql`SELECT path::text AS path FROM territory_node WHERE tenant_id = ${ctx.actor.tenantId} AND kind = 'county' LIMIT 1`,
  );
  if (!county) throw AppError.forbidden('The county has no territory yet');
  requireAbility(ctx.actor, 'demand.configure', county.path);
}
