import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, SuperviseBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 督办: the county flags an open demand and says what it expects; every supervision stays in the timeline. */
export function superviseDemand(tx: Db, ctx: RequestContext, id: string, input: SuperviseBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'supervise', {
    version: input.version,
    plan: () => ({ set: [sql`supervised = true`], note: input.note }),
  });
}
