import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, DispatchBody } from '../contract.ts';
import { assignUnit, chooseHandlingUnit, refuseNodeOutOfReach, unitData } from '../handling-unit.ts';
import { runTransition } from '../transition.ts';

/** 派单: to a handling unit at a level — by default the category's level and the unit containing the place. */
export function dispatchDemand(tx: Tx, ctx: RequestContext, id: string, input: DispatchBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'dispatch', {
    version: input.version,
    plan: async (demand) => {
      await refuseNodeOutOfReach(tx, ctx.actor, demand, input);
      const unit = await chooseHandlingUnit(tx, ctx.actor.tenantId, demand, input, demand.level);
      return { change: { ...assignUnit(unit), dispatchedAt: 'now' }, note: input.note, data: unitData(unit) };
    },
  });
}
