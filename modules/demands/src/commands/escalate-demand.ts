import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { Demand, EscalateBody } from '../contract.ts';
import { assignUnit, chooseHandlingUnit, unitData } from '../handling-unit.ts';
import { levelAbove } from '../state-machine.ts';
import { runTransition } from '../transition.ts';

/** 提级: one level up (compound → community → subdistrict → department), to the unit containing the place. */
export function escalateDemand(tx: Db, ctx: RequestContext, id: string, input: EscalateBody): Promise<Demand> {
  return runTransition(tx, ctx, id, 'escalate', {
    version: input.version,
    plan: async (demand) => {
      const level = levelAbove(demand.level);
      if (!level) throw new Error('escalate decided at the top level');
      const unit = await chooseHandlingUnit(tx, ctx.actor.tenantId, demand, { level, departmentId: input.departmentId }, level);
      return {
        set: [...assignUnit(unit), sql`dispatched_at = now()`, sql`escalation_count = escalation_count + 1`],
        note: input.reason.trim(),
        data: { ...unitData(unit), fromLevel: demand.level },
      };
    },
  });
}
