import { AppError, type RequestContext, requireAbility } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import { calendarErrors } from './errors.ts';

/** The calendar is county-wide: changing it takes demand.configure on the county node. */
export async function requireConfigure(tx: Db, ctx: RequestContext): Promise<void> {
  const county = await territory.countyRoot(tx, ctx.actor.tenantId);
  if (!county) throw AppError.of(calendarErrors.no_territory);
  requireAbility(ctx.actor, 'demand.configure', county.path);
}
