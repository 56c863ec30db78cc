import type { RequestContext } from '@linli/core';
import type { Tx } from '@linli/db';
import type { Demand, EscalateBody } from '../contract.ts';
import type { DemandRecord } from '../demand.repository.ts';
import { assignUnit, chooseHandlingUnit, unitData } from '../handling-unit.ts';
import { levelAbove } from '../state-machine.ts';
import { runTransition, type TransitionPlan } from '../transition.ts';

/** The plan of 提级, by a person or by the deadline job: one level up, to the unit containing the place. */
export async function escalationPlan(
  tx: Tx,
  tenantId: string,
  demand: DemandRecord,
  input: { departmentId?: string; note: string },
): Promise<TransitionPlan> {
  const level = levelAbove(demand.level);
  if (!level) throw new Error('escalate decided at the top level');
  const unit = await chooseHandlingUnit(tx, tenantId, demand, { level, departmentId: input.departmentId }, level);
  return {
    change: { ...assignUnit(unit), dispatchedAt: 'now', escalations: 'one_more' },
    note: input.note,
    data: { ...unitData(unit), fromLevel: demand.level },
  };
}

/** 提级: one level up (compound → community → subdistrict → department), to the unit containing the place. */
export function escalateDemand(tx: Tx, ctx: RequestContext, id: string, input: EscalateBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'escalate', {
    version: input.version,
    plan: (demand) => escalationPlan(tx, ctx.actor.tenantId, demand, { departmentId: input.departmentId, note: input.reason.trim() }),
  });
}
