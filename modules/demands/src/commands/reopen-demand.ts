import { tenantCalendar } from '@linli/calendar';
import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import { CategoryRepository } from '../category.repository.ts';
import type { Demand, ReasonBody } from '../contract.ts';
import { addDeadline, type DeadlineCalendar, FALLBACK_RULE } from '../deadlines.ts';
import { runTransition } from '../transition.ts';

/**
 * 重办: a dissatisfied reporter (within the tenant's window, 7 days by default) sends the demand
 * back to the same handling unit with a fresh resolution deadline. The earlier result and
 * evaluation stay in the timeline.
 */
export function reopenDemand(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  input: ReasonBody,
  options: { now?: Date; calendar?: DeadlineCalendar } = {},
): Promise<Demand> {
  const now = options.now ?? new Date();
  return runTransition(tx, ctx, id, 'reopen', {
    version: input.version,
    now,
    plan: async (demand) => {
      const rule =
        (await new CategoryRepository(tx).ruleFor(ctx.actor.tenantId, demand.categoryId, demand.urgency, demand.type)) ?? FALLBACK_RULE;
      const calendar = options.calendar ?? (await tenantCalendar(tx, ctx.actor.tenantId));
      const due = addDeadline(now, rule.resolveValue, rule.resolveUnit, calendar);
      return {
        change: {
          reopenings: 'one_more',
          resolvedAt: null,
          evaluatedAt: null,
          satisfaction: null,
          result: null,
          dispatchedAt: 'now',
          resolveDueAt: due,
        },
        note: input.reason.trim(),
        data: { resolveDueAt: due.toISOString() },
      };
    },
  });
}
