import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, NoteBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 销号: the first receiver (or a dispatcher or supervisor of the place) closes a resolved demand. */
export function closeDemand(tx: Db, ctx: RequestContext, id: string, input: NoteBody = {}): Promise<Demand> {
  return runTransition(tx, ctx, id, 'close', { version: input.version, plan: () => ({ set: [sql`closed_at = now()`], note: input.note }) });
}
