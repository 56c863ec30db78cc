import { AppError, type RequestContext, requireAbility } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';

/** Categories, deadlines and departments are county-wide: demand.configure on the county node. */
export async function requireConfigure(tx: Db, ctx: RequestContext): Promise<void> {
  const county = await territory.countyRoot(tx, ctx.actor.tenantId);
  if (!county) throw AppError.forbidden('The county has no territory yet');
  requireAbility(ctx.actor, 'demand.configure', county.path);
}
