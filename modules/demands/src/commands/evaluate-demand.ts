import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, EvaluateBody } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** The reporting resident evaluates the result: 满意 / 基本满意 / 不满意. */
export function evaluateDemand(tx: Tx, ctx: RequestContext, id: string, input: EvaluateBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'evaluate', {
    version: input.version,
    plan: () => ({
      change: { satisfaction: input.satisfaction, evaluatedAt: 'now' },
      note: input.note,
      data: { satisfaction: input.satisfaction },
    }),
  });
}
