import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import type { Demand, NoteBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** The handling unit starts work on a dispatched demand. */
export function startDemand(tx: Db, ctx: RequestContext, id: string, input: NoteBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'start', { version: input.version, plan: () => ({ set: [], note: input.note }) });
}
