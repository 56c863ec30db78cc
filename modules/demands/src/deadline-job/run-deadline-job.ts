import { emitEvents, isAppError } from '@linli/core';
import { tryAdvisoryXactLock } from '@linli/core/scheduler';
import { type Db, rows } from '@linli/db';
import { sql } from 'drizzle-orm';
import { autoEscalate } from './auto-escalate.ts';

export interface DeadlineJobOptions {
  /** The job's clock (tests move it forward). */
  now?: Date;
  /** Most notices of each stage claimed per run; the rest wait for the next run. */
  batch?: number;
  /** Reminders go out this long before a deadline at most (a quarter of a shorter span). */
  reminderLeadHours?: number;
  /** false: skip the advisory lock (tests prove the claim alone is exactly-once). */
  lock?: boolean;
}

export interface DeadlineJobResult {
  /** Another server process held the job's lock; this run did nothing. */
  skipped: boolean;
  reminders: number;
  overdue: number;
  escalated: number;
  escalationFailures: number;
}

export const DEADLINE_JOB_LOCK = 'linli:demands:deadline-job';

interface Claimed {
  tenant_id: string;
  demand_id: string;
  deadline: 'response' | 'resolve';
  due_at: Date | string;
  number: string;
  status: string;
  level: string;
  auto_escalate: boolean;
  county_path: string | null;
}

/**
 * One run of the deadline job over every tenant, in one transaction:
 *   1. reminders — the current deadline (response while submitted, resolution while active) is
 *      near: within min(24 h, a quarter of its span) and not yet passed;
 *   2. overdue — the current deadline has passed: flagged once per due time, and, where the
 *      tenant sets settings.demands.autoEscalate, an active demand below the department level is
 *      escalated one level by the system actor.
 * Each is claimed by inserting demand_deadline_notice (demand, deadline, due time, stage) with ON
 * CONFLICT DO NOTHING, and only claimed rows emit their outbox event (demand.deadline_reminder /
 * demand.overdue), so a reminder is sent once however many processes run the job. The advisory
 * lock lets one process at a time do the work; the others skip the run instead of queueing.
 */
export async function runDeadlineJob(db: Db, options: DeadlineJobOptions = {}): Promise<DeadlineJobResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const leadHours = options.reminderLeadHours ?? 24;
  return db.transaction(async (tx) => {
    const result: DeadlineJobResult = { skipped: false, reminders: 0, overdue: 0, escalated: 0, escalationFailures: 0 };
    if (options.lock !== false && !(await tryAdvisoryXactLock(tx, DEADLINE_JOB_LOCK))) return { ...result, skipped: true };
    const at = sql`${now.toISOString()}::timestamptz`;

    const reminders = await claim(
      tx,
      'reminder',
      sql`c.due_at > ${at} AND ${at} >= c.due_at - least(make_interval(hours => ${leadHours}::int), (c.due_at - c.started_at) / 4)`,
      at,
      batch,
      leadHours,
    );
    const overdue = await claim(tx, 'overdue', sql`c.due_at <= ${at}`, at, batch, leadHours);
    const event = (type: string, c: Claimed) => ({
      tenantId: c.tenant_id,
      type,
      aggregateType: 'demand',
      aggregateId: c.demand_id,
      payload: { number: c.number, deadline: c.deadline, dueAt: new Date(c.due_at).toISOString(), status: c.status, level: c.level },
    });
    await emitEvents(tx, [
      ...reminders.map((c) => event('demand.deadline_reminder', c)),
      ...overdue.map((c) => event('demand.overdue', c)),
    ]);
    result.reminders = reminders.length;
    result.overdue = overdue.length;

    for (const c of overdue) {
      if (!c.auto_escalate || !c.county_path || c.deadline !== 'resolve') continue;
      if (!['dispatched', 'in_progress'].includes(c.status) || c.level === 'department') continue;
      try {
        // A savepoint: a demand that cannot go up (no unit at the level above) leaves the others alone.
        const escalated = await tx.transaction((sp) => autoEscalate(sp, c.tenant_id, c.county_path as string, c.demand_id));
        if (!escalated) continue;
        await tx.execute(
          sql`UPDATE demand_deadline_notice SET escalated = true
              WHERE tenant_id = ${c.tenant_id} AND demand_id = ${c.demand_id}::uuid AND deadline = ${c.deadline}
                AND due_at = ${new Date(c.due_at).toISOString()}::timestamptz AND stage = 'overdue'`,
        );
        result.escalated += 1;
      } catch (err) {
        if (!isAppError(err)) throw err;
        result.escalationFailures += 1;
      }
    }
    return result;
  });
}

function claim(
  tx: Db,
  stage: 'reminder' | 'overdue',
  when: ReturnType<typeof sql>,
  at: ReturnType<typeof sql>,
  batch: number,
  leadHours: number,
) {
  return rows<Claimed>(
    tx,
    sql`WITH current AS (
          SELECT d.tenant_id, d.id AS demand_id, d.number, d.status, d.level,
                 CASE WHEN d.status = 'submitted' THEN 'response' ELSE 'resolve' END AS deadline,
                 CASE WHEN d.status = 'submitted' THEN d.response_due_at ELSE d.resolve_due_at END AS due_at,
                 CASE WHEN d.status = 'submitted' THEN d.submitted_at ELSE coalesce(d.dispatched_at, d.submitted_at) END AS started_at
          FROM demand d
          WHERE d.status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress')
            AND CASE WHEN d.status = 'submitted' THEN d.response_due_at ELSE d.resolve_due_at END
                <= ${at} + make_interval(hours => ${leadHours}::int)
        ), due AS (
          SELECT c.* FROM current c
          WHERE ${when}
            AND NOT EXISTS (SELECT 1 FROM demand_deadline_notice n
                            WHERE n.tenant_id = c.tenant_id AND n.demand_id = c.demand_id AND n.deadline = c.deadline
                              AND n.due_at = c.due_at AND n.stage = ${stage})
          ORDER BY c.due_at LIMIT ${batch}
        ), claimed AS (
          INSERT INTO demand_deadline_notice (tenant_id, demand_id, deadline, due_at, stage, at)
          SELECT tenant_id, demand_id, deadline, due_at, ${stage}, ${at} FROM due
          ON CONFLICT DO NOTHING
          RETURNING tenant_id, demand_id, deadline, due_at
        )
        SELECT cl.tenant_id, cl.demand_id, cl.deadline, cl.due_at, due.number, due.status, due.level,
               coalesce(t.settings #> '{demands,autoEscalate}' = 'true'::jsonb, false) AS auto_escalate,
               (SELECT n.path::text FROM territory_node n WHERE n.tenant_id = cl.tenant_id AND n.kind = 'county' LIMIT 1) AS county_path
        FROM claimed cl
        JOIN due ON due.tenant_id = cl.tenant_id AND due.demand_id = cl.demand_id
        JOIN tenant t ON t.tenant_id = cl.tenant_id
        ORDER BY cl.due_at`,
  );
}
