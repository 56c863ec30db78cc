import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, ReasonBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 不予受理, with the reason the reporter will be told. It counts as the response. */
export function rejectDemand(tx: Tx, ctx: RequestContext, id: string, input: ReasonBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'reject', {
    version: input.version,
    plan: () => ({ change: { rejectReason: input.reason.trim(), respondedAt: 'now' }, note: input.reason.trim() }),
  });
}
