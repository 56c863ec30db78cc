import { AppError, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, ExtensionRequestBody } from '../contract.ts';
import { iso } from '../demand.repository.ts';
import { runTransition } from '../transition.ts';

/** 延期申请: the handling unit asks for a later resolution deadline; one request waits at a time. */
export function requestExtension(tx: Tx, ctx: RequestContext, id: string, input: ExtensionRequestBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'request_extension', {
    version: input.version,
    plan: (demand) => {
      const until = new Date(input.until);
      if (until.getTime() <= demand.resolveDueAt.getTime()) {
        throw AppError.invalid([{ field: 'until', reason: `must be after the current deadline ${iso(demand.resolveDueAt)}` }]);
      }
      return {
        change: { extension: { until, reason: input.reason.trim() } },
        note: input.reason.trim(),
        data: { currentDueAt: iso(demand.resolveDueAt), requestedUntil: until.toISOString() },
      };
    },
  });
}
