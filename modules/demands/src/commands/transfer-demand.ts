import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, TransferBody } from '../contract.ts';
import { assignUnit, chooseHandlingUnit, refuseNodeOutOfReach, unitData } from '../handling-unit.ts';
import { runTransition } from '../transition.ts';

/** 转办: to another handling unit, at the same or another level, with the reason. */
export function transferDemand(tx: Tx, ctx: RequestContext, id: string, input: TransferBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'transfer', {
    version: input.version,
    plan: async (demand) => {
      await refuseNodeOutOfReach(tx, ctx.actor, demand, input);
      const unit = await chooseHandlingUnit(tx, ctx.actor.tenantId, demand, input, demand.level);
      if (unit.id === demand.handlingNodeId || unit.id === demand.handlingDepartmentId) {
        throw AppError.invalid([{ field: input.departmentId ? 'departmentId' : 'nodeId', reason: 'is already the handling unit' }]);
      }
      return { change: { ...assignUnit(unit), dispatchedAt: 'now' }, note: input.reason.trim(), data: unitData(unit) };
    },
  });
}
