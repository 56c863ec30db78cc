import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, NoteBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 销号: the first receiver (or a dispatcher or supervisor of the place) closes a resolved demand. */
export function closeDemand(tx: Tx, ctx: RequestContext, id: string, input: NoteBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'close', { version: input.version, plan: () => ({ change: { closedAt: 'now' }, note: input.note }) });
}
