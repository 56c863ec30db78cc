import { emitEvents, isAppError } from '@linli/core';
import { tryAdvisoryXactLock } from '@linli/core/scheduler';
import { type Db, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
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
}

/**
 * One run of the deadline job over every tenant:
 *   1. reminders — the current deadline (response while submitted, resolution while active) is
 *      near: within min(24 h, a quarter of its span) and not yet passed;
 *   2. overdue — the current deadline has passed: flagged once per due time;
 *   3. escalation — where the tenant sets settings.demands.autoEscalate, an active demand flagged
 *      overdue at its current resolution deadline, below the department level, goes one level up.
 * Imported history (demand.historical: its deadline had passed when it was imported) gets none of
 * these; the KPIs still count it as overdue.
 * Reminders and overdue flags are claimed in one transaction by inserting demand_deadline_notice
 * (demand, deadline, due time, stage) with ON CONFLICT DO NOTHING, and only claimed rows emit
 * their outbox event (demand.deadline_reminder / demand.overdue), so each is sent once however many
 * processes run the job. The advisory lock lets one process at a time do the work; the others skip
 * the run instead of queueing. Each escalation then has its own short transaction, so the audit
 * chain of a tenant is not held for a whole backlog; one that fails (no unit above) is tried again
 * next run, and a crash between the steps loses nothing (the flag stays unescalated).
 */
export async function runDeadlineJob(db: Db, options: DeadlineJobOptions = {}): Promise<DeadlineJobResult> {
  const now = options.now ?? new Date();
  const batch = options.batch ?? 500;
  const leadHours = options.reminderLeadHours ?? 24;
  const result: DeadlineJobResult = { skipped: false, reminders: 0, overdue: 0, escalated: 0, escalationFailures: 0 };
  const claimed = await db.transaction(async (tx) => {
    if (options.lock !== false && !(await tryAdvisoryXactLock(tx, DEADLINE_JOB_LOCK))) return false;
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
    return true;
  });
  if (!claimed) return { ...result, skipped: true };

  for (const c of await escalationCandidates(db, batch)) {
    try {
      const done = await db.transaction(async (tx) => {
        // Lock the flag (another process may be on it) and check it is still due for escalation.
        const flag = await rows(
          tx,
          sql`SELECT 1 FROM demand_deadline_notice WHERE tenant_id = ${c.tenant_id} AND demand_id = ${c.demand_id}::uuid
                AND deadline = 'resolve' AND due_at = ${new Date(c.due_at).toISOString()}::timestamptz AND stage = 'overdue'
                AND NOT escalated FOR UPDATE SKIP LOCKED`,
        );
        if (flag.length === 0 || !(await autoEscalate(tx, c.tenant_id, c.county_path, c.demand_id))) return false;
        await tx.execute(
          sql`UPDATE demand_deadline_notice SET escalated = true
              WHERE tenant_id = ${c.tenant_id} AND demand_id = ${c.demand_id}::uuid AND deadline = 'resolve'
                AND due_at = ${new Date(c.due_at).toISOString()}::timestamptz AND stage = 'overdue'`,
        );
        return true;
      });
      if (done) result.escalated += 1;
    } catch (err) {
      if (!isAppError(err)) throw err;
      result.escalationFailures += 1;
    }
  }
  return result;
}

/** Overdue flags at the current resolution deadline of active demands below the department level, in tenants that enable auto-escalation. */
function escalationCandidates(db: Db, limit: number) {
  return rows<{ tenant_id: string; demand_id: string; due_at: Date | string; county_path: string }>(
    db,
    sql`SELECT n.tenant_id, n.demand_id, n.due_at, county.path::text AS county_path
        FROM demand_deadline_notice n
        JOIN tenant t ON t.tenant_id = n.tenant_id AND t.settings #> '{demands,autoEscalate}' = 'true'::jsonb
        JOIN demand d ON d.tenant_id = n.tenant_id AND d.id = n.demand_id
        JOIN ${territorySql.nodes('county')} ON county.tenant_id = n.tenant_id AND county.kind = 'county'
        WHERE n.stage = 'overdue' AND n.deadline = 'resolve' AND NOT n.escalated
          AND d.resolve_due_at = n.due_at AND d.status IN ('dispatched', 'in_progress') AND d.level <> 'department' AND NOT d.historical
        ORDER BY n.due_at LIMIT ${limit}`,
  );
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
          WHERE d.status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress') AND NOT d.historical
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
        SELECT cl.tenant_id, cl.demand_id, cl.deadline, cl.due_at, due.number, due.status, due.level
        FROM claimed cl
        JOIN due ON due.tenant_id = cl.tenant_id AND due.demand_id = cl.demand_id
        ORDER BY cl.due_at`,
  );
}
