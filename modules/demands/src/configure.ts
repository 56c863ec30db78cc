import { AppError, type RequestContext, requireAbility } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import { demandErrors } from './errors.ts';

/** Categories, deadlines and departments are county-wide: demand.configure on the county node. */
export async function requireConfigure(tx: Db, ctx: RequestContext): Promise<void> {
  const county = await territory.countyRoot(tx, ctx.actor.tenantId);
  if (!county) throw AppError.of(demandErrors.no_territory);
  requireAbility(ctx.actor, 'demand.configure', county.path);
}
