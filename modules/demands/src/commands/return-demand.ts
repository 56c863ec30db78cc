import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, ReasonBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 退单: the handling unit gives the demand back to the dispatcher, saying why; it no longer holds it. */
export function returnDemand(tx: Db, ctx: RequestContext, id: string, input: ReasonBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'return', {
    version: input.version,
    plan: (demand) => ({
      set: [
        sql`handling_node_id = NULL`,
        sql`handling_department_id = NULL`,
        sql`handling_path = NULL`,
        sql`extension_requested_until = NULL`,
        sql`extension_reason = NULL`,
      ],
      note: input.reason.trim(),
      data: { returnedBy: { nodeId: demand.handlingNodeId, departmentId: demand.handlingDepartmentId } },
    }),
  });
}
