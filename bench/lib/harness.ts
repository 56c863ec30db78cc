// Shared helpers of the benchmarks: command-line flags, the benchmark database, timing and progress.
import { createDatabase, type Database } from '@linli/db';
import pg from 'pg';

export interface BenchFlags {
  driver: 'pglite' | 'postgres';
  quick: boolean;
  json: boolean;
}

export function parseFlags(args: string[]): BenchFlags {
  const driver = args.includes('--driver') ? args[args.indexOf('--driver') + 1] : 'pglite';
  if (driver !== 'pglite' && driver !== 'postgres') throw new Error(`--driver must be pglite or postgres, not ${driver}`);
  return { driver, quick: args.includes('--quick'), json: args.includes('--json') };
}

/** Progress and tables go to stdout, or to stderr when stdout carries the JSON. */
export function logger(asJson: boolean): (line: string) => void {
  return (line) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * A fresh database for one run: in-memory PGlite, or the database `name` dropped and created again on
 * the PostgreSQL server of BENCH_DATABASE_URL (default: the local server with trust auth).
 */
export async function openBenchDatabase(driver: 'pglite' | 'postgres', name = 'linli_bench', poolSize?: number): Promise<Database> {
  if (driver === 'pglite') return createDatabase({ dataDir: 'memory://' });
  const server = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return createDatabase({ url: url.toString(), poolSize });
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface Timing {
  p50: number;
  p95: number;
  samples: number[];
}

/** Runs fn once to warm up, then `times` times in a row; p50/p95 in milliseconds. */
export async function timeIt(times: number, fn: (i: number) => Promise<void>): Promise<Timing> {
  await fn(-1);
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return summarise(ms);
}

export function summarise(ms: number[]): Timing {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), samples: sorted };
}

/** Runs `total` jobs on `workers` concurrent loops; returns jobs per second. */
export async function rate(total: number, workers: number, job: (i: number, worker: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = next++; i < total; i = next++) await job(i, w);
    }),
  );
  return total / ((performance.now() - t) / 1000);
}

/** A progress line at most every `everyMs` (and at the end), with rows per second and an estimate of what is left. */
export function progress(log: (line: string) => void, label: string, total: number, everyMs = 5000): (done: number) => void {
  const start = performance.now();
  let last = start;
  return (done) => {
    const now = performance.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    const s = (now - start) / 1000;
    const perS = done / Math.max(s, 0.001);
    const left = done < total ? `, about ${Math.round((total - done) / Math.max(perS, 1))} s left` : '';
    log(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round(perS).toLocaleString('en')}/s${left})`);
  };
}

/** Machine load when a number was taken (the machine is shared; numbers are only comparable at similar load). */
export async function loadAverage(): Promise<number> {
  const os = await import('node:os');
  return Number(os.loadavg()[0]!.toFixed(2));
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
