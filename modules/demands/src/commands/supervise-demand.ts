import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, SuperviseBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 督办: the county flags an open demand and says what it expects; every supervision stays in the timeline. */
export function superviseDemand(tx: Tx, ctx: RequestContext, id: string, input: SuperviseBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'supervise', {
    version: input.version,
    plan: () => ({ change: { supervised: true }, note: input.note }),
  });
}
