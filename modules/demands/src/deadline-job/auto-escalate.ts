import { type Actor, isAppError } from '@linli/core';
import type { Tx } from '@linli/db';
import { escalationPlan } from '../commands/escalate-demand.ts';
import { DemandRepository } from '../demand.repository.ts';
import { decide, levelAbove } from '../state-machine.ts';
import { runTransition } from '../transition.ts';

const NIL = '00000000-0000-0000-0000-000000000000';
/** How the timeline names the deadline job. */
export const SYSTEM_ACTOR_NAME = '系统';

/**
 * The deadline job acting as county staff: it may escalate any demand of the county by the same
 * rules as a person (state machine `decide`, `chooseHandlingUnit`). It has no account, so its
 * timeline entries and audit records carry no actor id, only the name.
 */
export function systemActor(tenantId: string, countyPath: string): Actor {
  return {
    accountId: NIL,
    username: 'system',
    displayName: SYSTEM_ACTOR_NAME,
    tenantId,
    grants: [{ id: NIL, role: 'county_staff', nodeId: NIL, path: countyPath }],
  };
}

/**
 * 提级 of an overdue demand by the deadline job, when the tenant enables it: the escalate
 * transition (runTransition with the plan of escalateDemand: one level up, to the unit containing
 * the place or the category's default department), taken by the system, with the timeline note
 * "auto-escalated: overdue at <level>". Returns false when the rules do not allow it (no longer
 * active, already at a department, changed meanwhile); throws AppError when no unit exists at the
 * level above (the caller records the failure and goes on).
 */
export async function autoEscalate(tx: Tx, tenantId: string, countyPath: string, demandId: string): Promise<boolean> {
  const ctx = { actor: systemActor(tenantId, countyPath), clientIp: null };
  const demand = await new DemandRepository(tx).findRecord(tenantId, demandId, ctx.actor);
  if (!demand || !decide('escalate', demand, ctx.actor).ok || !levelAbove(demand.level)) return false;
  try {
    await runTransition(tx, ctx, demandId, 'escalate', {
      version: demand.version,
      system: { name: SYSTEM_ACTOR_NAME },
      plan: async (current) => {
        const plan = await escalationPlan(tx, tenantId, current, { note: `auto-escalated: overdue at ${current.level}` });
        return { ...plan, data: { ...plan.data, auto: true } };
      },
    });
    return true;
  } catch (err) {
    // Someone acted on it between the read and the write: nothing to escalate now.
    if (isAppError(err) && err.code === 'conflict') return false;
    throw err;
  }
}
