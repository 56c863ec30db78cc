import { type Actor, emitEvents, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import { DemandRepository } from '../demand.repository.ts';
import { assignUnit, chooseHandlingUnit, unitData } from '../handling-unit.ts';
import { decide, levelAbove } from '../state-machine.ts';

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
 * 提级 of an overdue demand by the deadline job, when the tenant enables it: one level up, to the
 * unit containing the place (or the category's default department), with the timeline note
 * "auto-escalated: overdue at <level>". The same steps as `runTransition` — version-checked update,
 * timeline, audit, outbox event — in the caller's transaction. Returns false when the rules do
 * not allow it (no longer active, already at a department); throws AppError when no unit exists
 * at the level above (the caller records the failure and goes on).
 */
export async function autoEscalate(tx: Db, tenantId: string, countyPath: string, demandId: string): Promise<boolean> {
  const actor = systemActor(tenantId, countyPath);
  const demands = new DemandRepository(tx);
  const demand = await demands.findRecord(tenantId, demandId, actor);
  if (!demand) return false;
  const decision = decide('escalate', demand, actor);
  const level = levelAbove(demand.level);
  if (!decision.ok || !level) return false;
  const unit = await chooseHandlingUnit(tx, tenantId, demand, { level }, level);
  const updated = await demands.updateIfVersion(tenantId, demandId, demand.version, [
    sql`status = ${decision.to}`,
    ...assignUnit(unit),
    sql`dispatched_at = now()`,
    sql`escalation_count = escalation_count + 1`,
  ]);
  if (!updated) return false;
  const data = { ...unitData(unit), fromLevel: demand.level, auto: true };
  await demands.appendEvent({
    tenantId,
    demandId,
    actorId: null,
    actorName: SYSTEM_ACTOR_NAME,
    action: 'escalate',
    fromStatus: demand.status,
    toStatus: decision.to,
    note: `auto-escalated: overdue at ${demand.level}`,
    data,
  });
  const facts = { number: demand.number, from: demand.status, to: decision.to, ...data };
  await recordAudit(tx, {
    tenantId,
    actorId: null,
    actorName: 'system',
    action: 'demand.escalate',
    targetType: 'demand',
    targetId: demandId,
    details: facts,
  });
  await emitEvents(tx, { tenantId, type: 'demand.escalated', aggregateType: 'demand', aggregateId: demandId, payload: facts });
  return true;
}
