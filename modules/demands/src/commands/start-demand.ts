import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, NoteBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** The handling unit starts work on a dispatched demand. */
export function startDemand(tx: Tx, ctx: RequestContext, id: string, input: NoteBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'start', { version: input.version, plan: () => ({ change: {}, note: input.note }) });
}
