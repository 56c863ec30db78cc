import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, ReasonBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 不予受理, with the reason the reporter will be told. It counts as the response. */
export function rejectDemand(tx: Db, ctx: RequestContext, id: string, input: ReasonBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'reject', {
    version: input.version,
    plan: () => ({ set: [sql`reject_reason = ${input.reason.trim()}`, sql`responded_at = now()`], note: input.reason.trim() }),
  });
}
