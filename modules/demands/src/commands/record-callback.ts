import { AppError, type ErrorDetail, newId, type RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { CallbackBody, Demand } from '../contract.ts';
import { runTransition } from '../transition.ts';

/**
 * What a callback must say: the reporter was reached and said how satisfied they are, or was not
 * reached and the note says why (无人接听, 号码空号 …). A callback with neither is refused, so it
 * can neither take the demand off 待回访 nor count toward the 回访率.
 */
export function callbackOutcomeProblems(input: CallbackBody): ErrorDetail[] {
  const note = input.note?.trim() ?? '';
  if (input.reached) {
    return input.satisfaction ? [] : [{ field: 'satisfaction', reason: 'required when the reporter was reached: how satisfied they are' }];
  }
  const problems: ErrorDetail[] = [];
  if (!note) problems.push({ field: 'note', reason: 'required when the reporter was not reached: why (no answer, wrong number …)' });
  if (input.satisfaction) problems.push({ field: 'satisfaction', reason: 'only when the reporter was reached' });
  if (input.resultConfirmed !== undefined) problems.push({ field: 'resultConfirmed', reason: 'only when the reporter was reached' });
  return problems;
}

/** 回访: staff phone the reporter after resolution and record whether they were reached and satisfied. */
export function recordCallback(tx: Db, ctx: RequestContext, id: string, input: CallbackBody): Promise<Demand> {
  const problems = callbackOutcomeProblems(input);
  if (problems.length > 0)
    throw AppError.invalid(problems, 'A callback needs an outcome: reached with satisfaction, or not reached with a reason');
  const callbackId = newId();
  const note = input.note?.trim() || undefined;
  return runTransition(tx, ctx, id, 'callback', {
    version: input.version,
    plan: () => ({
      set: [],
      note,
      data: {
        callbackId,
        reached: input.reached,
        resultConfirmed: input.resultConfirmed ?? null,
        satisfaction: input.satisfaction ?? null,
      },
      // A callback with its outcome, reached or not, takes the demand off the 待回访 tab: the insert's
      // trigger sets demand.callback_at to the first callback's time in this statement (migration 0014).
      after: async (t) => {
        await t.execute(sql`INSERT INTO demand_callback (tenant_id, id, demand_id, actor_id, reached, result_confirmed, satisfaction, note)
          VALUES (${ctx.actor.tenantId}, ${callbackId}::uuid, ${id}::uuid, ${ctx.actor.accountId}::uuid, ${input.reached},
                  ${input.resultConfirmed ?? null}, ${input.satisfaction ?? null}, ${note ?? null})`);
      },
    }),
  });
}
