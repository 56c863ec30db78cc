import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, EvaluateBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** The reporting resident evaluates the result: 满意 / 基本满意 / 不满意. */
export function evaluateDemand(tx: Db, ctx: RequestContext, id: string, input: EvaluateBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'evaluate', {
    version: input.version,
    plan: () => ({
      set: [sql`satisfaction = ${input.satisfaction}`, sql`evaluated_at = now()`],
      note: input.note,
      data: { satisfaction: input.satisfaction },
    }),
  });
}
