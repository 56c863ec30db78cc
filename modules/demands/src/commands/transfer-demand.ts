import { AppError, type RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, TransferBody } from '../contract.ts';
import { assignUnit, chooseHandlingUnit, refuseNodeOutOfReach, unitData } from '../handling-unit.ts';
import { runTransition } from '../transition.ts';

/** 转办: to another handling unit, at the same or another level, with the reason. */
export function transferDemand(tx: Db, ctx: RequestContext, id: string, input: TransferBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'transfer', {
    version: input.version,
    plan: async (demand) => {
      await refuseNodeOutOfReach(tx, ctx.actor, demand, input);
      const unit = await chooseHandlingUnit(tx, ctx.actor.tenantId, demand, input, demand.level);
      if (unit.id === demand.handlingNodeId || unit.id === demand.handlingDepartmentId) {
        throw AppError.invalid([{ field: input.departmentId ? 'departmentId' : 'nodeId', reason: 'is already the handling unit' }]);
      }
      return { set: [...assignUnit(unit), sql`dispatched_at = now()`], note: input.reason.trim(), data: unitData(unit) };
    },
  });
}
