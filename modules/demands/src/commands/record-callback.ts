import { newId, type RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { CallbackBody, Demand } from '../contract.ts';
import { runTransition } from '../transition.ts';

/** 回访: staff phone the reporter after resolution and record whether they were reached and satisfied. */
export function recordCallback(tx: Db, ctx: RequestContext, id: string, input: CallbackBody): Promise<Demand> {
  const callbackId = newId();
  return runTransition(tx, ctx, id, 'callback', {
    version: input.version,
    plan: () => ({
      set: [],
      note: input.note,
      data: {
        callbackId,
        reached: input.reached,
        resultConfirmed: input.resultConfirmed ?? null,
        satisfaction: input.satisfaction ?? null,
      },
      // Any callback, reached or not, takes the demand off the 待回访 tab: the insert's trigger sets
      // demand.callback_at to the first callback's time in this statement (migration 0014).
      after: async (t) => {
        await t.execute(sql`INSERT INTO demand_callback (tenant_id, id, demand_id, actor_id, reached, result_confirmed, satisfaction, note)
          VALUES (${ctx.actor.tenantId}, ${callbackId}::uuid, ${id}::uuid, ${ctx.actor.accountId}::uuid, ${input.reached},
                  ${input.resultConfirmed ?? null}, ${input.satisfaction ?? null}, ${input.note ?? null})`);
      },
    }),
  });
}
