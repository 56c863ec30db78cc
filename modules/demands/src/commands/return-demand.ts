import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, ReasonBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 退单: the handling unit gives the demand back to the dispatcher, saying why; it no longer holds it. */
export function returnDemand(tx: Tx, ctx: RequestContext, id: string, input: ReasonBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'return', {
    version: input.version,
    plan: (demand) => ({
      change: { handling: null, extension: null },
      note: input.reason.trim(),
      data: { returnedBy: { nodeId: demand.handlingNodeId, departmentId: demand.handlingDepartmentId } },
    }),
  });
}
