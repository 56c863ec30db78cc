import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, ExtensionDecisionBody } from '../contract.ts';
import { iso } from '../demand.repository.ts';
import { runTransition } from '../transition.ts';

/** 延期审批: an approval moves the resolution deadline to the requested date; the timeline keeps who decided. */
export function decideExtension(tx: Tx, ctx: RequestContext, id: string, input: ExtensionDecisionBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'decide_extension', {
    version: input.version,
    plan: (demand) => {
      const requested = demand.extensionRequestedUntil as Date;
      return {
        change: { ...(input.approve ? { resolveDueAt: 'requested_extension' as const } : {}), extension: null },
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
