import { AppError, type ErrorDetail, newId, type RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { CallbackBody, Demand } from '../contract.ts';
import { DemandRepository } from '../demand.repository.ts';
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
export function recordCallback(tx: Tx, ctx: RequestContext, id: string, input: CallbackBody): Promise<Demand> {
  const problems = callbackOutcomeProblems(input);
  if (problems.length > 0)
    throw AppError.invalid(problems, 'A callback needs an outcome: reached with satisfaction, or not reached with a reason');
  const callbackId = newId();
  const note = input.note?.trim() || undefined;
  return runTransition(tx, ctx, id, 'callback', {
    version: input.version,
    plan: () => ({
      change: {},
      note,
      data: {
        callbackId,
        reached: input.reached,
        resultConfirmed: input.resultConfirmed ?? null,
        satisfaction: input.satisfaction ?? null,
      },
      // A callback with its outcome, reached or not, takes the demand off the 待回访 tab: the insert's
      // trigger sets demand.callback_at to the first callback's time in this statement (migration 0014).
      after: (t) =>
        new DemandRepository(t).insertCallback(ctx.actor.tenantId, {
          id: callbackId,
          demandId: id,
          actorId: ctx.actor.accountId,
          reached: input.reached,
          resultConfirmed: input.resultConfirmed ?? null,
          satisfaction: input.satisfaction ?? null,
          note: note ?? null,
        }),
    }),
  });
}
