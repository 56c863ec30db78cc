import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, DispatchBody } from '../contract.ts';
import { assignUnit, chooseHandlingUnit, refuseNodeOutOfReach, unitData } from '../handling-unit.ts';
import { runTransition } from '../transition.ts';

/** 派单: to a handling unit at a level — by default the category's level and the unit containing the place. */
export function dispatchDemand(tx: Db, ctx: RequestContext, id: string, input: DispatchBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'dispatch', {
    version: input.version,
    plan: async (demand) => {
      await refuseNodeOutOfReach(tx, ctx.actor, demand, input);
      const unit = await chooseHandlingUnit(tx, ctx.actor.tenantId, demand, input, demand.level);
      return { set: [...assignUnit(unit), sql`dispatched_at = now()`], note: input.note, data: unitData(unit) };
    },
  });
}
