import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';

/**
 * Background jobs in the server process: a small interval scheduler rather than pg-boss or
 * graphile-worker, because those need LISTEN/NOTIFY and their own schemas on a PostgreSQL server
 * and do not run on PGlite (embedded mode). Safety with several server processes on PostgreSQL
 * comes from the jobs themselves: each run takes a transaction-level advisory lock
 * (`tryAdvisoryXactLock`) or claims rows with FOR UPDATE SKIP LOCKED, so two processes never do
 * the same work twice.
 */
export interface IntervalJob {
  name: string;
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  run(): Promise<unknown>;
}

export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface RunningJobs {
  /** Clears the timers and waits for runs in progress; no run starts after it was called. */
  stop(): Promise<void>;
}

/**
 * Starts the jobs: each runs first after `intervalMs` (or `firstDelayMs`), then again
 * `intervalMs` after its previous run ended, so runs of one job never overlap. A failing run is
 * logged and the job goes on. Timers are unref'd: they never keep a process alive by themselves.
 */
export function startJobs(jobs: IntervalJob[], logger: JobLogger, options: { firstDelayMs?: number } = {}): RunningJobs {
  let stopped = false;
  const timers = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();

  const schedule = (job: IntervalJob, delay: number) => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(job.name);
      const started = Date.now();
      const run = job
        .run()
        .then(
          (result) => {
            if (result && typeof result === 'object' && Object.values(result).some((v) => typeof v === 'number' && v > 0)) {
              logger.info({ job: job.name, ms: Date.now() - started, ...result }, `job ${job.name} ran`);
            }
          },
          (err: unknown) => logger.error({ job: job.name, err }, `job ${job.name} failed`),
        )
        .finally(() => {
          inFlight.delete(run);
          schedule(job, job.intervalMs);
        });
      inFlight.add(run);
    }, delay);
    timer.unref();
    timers.set(job.name, timer);
  };

  for (const job of jobs) {
    if (!(job.intervalMs > 0)) throw new RangeError(`job ${job.name}: intervalMs must be > 0`);
    schedule(job, options.firstDelayMs ?? job.intervalMs);
  }

  return {
    async stop() {
      stopped = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.all([...inFlight]);
    },
  };
}

/**
 * Takes a transaction-level advisory lock named by `key` if nobody holds it; false when another
 * transaction (another server process) does. Released at commit or rollback. On PGlite there is
 * one connection, so it is always granted.
 */
export async function tryAdvisoryXactLock(tx: Db, key: string): Promise<boolean> {
  const result = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`)) as unknown as {
    rows: { locked: boolean }[];
  };
  return result.rows[0]?.locked === true;
}
