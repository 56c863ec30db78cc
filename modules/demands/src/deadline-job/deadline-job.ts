import type { IntervalJob } from '@linli/core/scheduler';
import type { Db } from '@linli/db';
import { type DeadlineJobOptions, runDeadlineJob } from './run-deadline-job.ts';

/** The deadline job for the server's scheduler: reminders, overdue flags, automatic escalation. */
export function deadlineJob(db: Db, intervalMs = 60_000, options: Omit<DeadlineJobOptions, 'now'> = {}): IntervalJob {
  return { name: 'demands.deadlines', intervalMs, run: () => runDeadlineJob(db, options) };
}
