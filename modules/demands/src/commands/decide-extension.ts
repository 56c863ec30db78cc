import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, ExtensionDecisionBody } from '../contract.ts';
import { iso } from '../demand.repository.ts';
import { runTransition } from '../transition.ts';

/** 延期审批: an approval moves the resolution deadline to the requested date; the timeline keeps who decided. */
export function decideExtension(tx: Db, ctx: RequestContext, id: string, input: ExtensionDecisionBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'decide_extension', {
    version: input.version,
    plan: (demand) => {
      const requested = demand.extensionRequestedUntil as Date;
      return {
        set: [
          ...(input.approve ? [sql`resolve_due_at = extension_requested_until`] : []),
          sql`extension_requested_until = NULL`,
          sql`extension_reason = NULL`,
        ],
        note: input.note,
        data: {
          approved: input.approve,
          previousDueAt: iso(demand.resolveDueAt),
          resolveDueAt: iso(input.approve ? requested : demand.resolveDueAt),
        },
      };
    },
  });
}
