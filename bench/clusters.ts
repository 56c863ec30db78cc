// `npm run bench -- clusters [--quick] [--json]`: the cluster planner (组团 / 肥瘦搭配) on a county of
// 186 old compounds (高密市's figure; bench/../modules/service-clusters/src/synthetic-county.ts), solved
// with time limits of 5, 20 and 60 s (5 s only with --quick). Per limit: the solver's status, its gap,
// the seconds taken, the clusters, the monthly subsidy the plan needs, and that subsidy as a share of
// what every compound alone would need (the planner's gain; a ratio, comparable across machines). The
// solver is the same with either database driver: the planner reads its inputs once and solves in memory.
import { clusterFigures, planClusters } from '@linli/service-clusters';
import { realisticParameters, syntheticCounty } from '@linli/service-clusters/synthetic-county';
import { loadAverage, parseFlags, round } from './lib/harness.ts';

export interface ClusterRun {
  limit_s: number;
  status: string;
  gap: number | null;
  seconds: number;
  clusters: number;
  subsidy_per_month: number;
  subsidy_vs_alone: number;
}

export async function runClustersBenchmark(limits: number[], log: (line: string) => void) {
  const compounds = syntheticCounty(186);
  const byId = new Map(compounds.map((c) => [c.id, c]));
  const alone = compounds.map((c) => clusterFigures(c.id, [c.id], byId, realisticParameters).subsidy).reduce((a, b) => a + b, 0);
  const runs: ClusterRun[] = [];
  const loadStart = await loadAverage();
  for (const limit of limits) {
    log(`solving 186 compounds with a ${limit} s limit …`);
    const started = performance.now();
    const plan = await planClusters(compounds, { ...realisticParameters, timeLimitSeconds: limit });
    runs.push({
      limit_s: limit,
      status: plan.status,
      gap: plan.gap === null ? null : round(plan.gap, 4),
      seconds: round((performance.now() - started) / 1000, 1),
      clusters: plan.totals.clusters,
      subsidy_per_month: Math.round(plan.totals.subsidy),
      subsidy_vs_alone: round(plan.totals.subsidy / alone, 3),
    });
  }
  return {
    compounds: compounds.length,
    subsidy_alone_per_month: Math.round(alone),
    runs,
    load_average: { start: loadStart, end: await loadAverage() },
  };
}

/** The command line: `npm run bench -- clusters …`. */
export async function main(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
  const r = await runClustersBenchmark(flags.quick ? [5] : [5, 20, 60], log);
  if (flags.json) console.log(JSON.stringify(r, null, 2));
  else {
    log(`\ncluster planner on ${r.compounds} compounds (every compound alone needs ${r.subsidy_alone_per_month} yuan a month)`);
    log('  limit  status      gap     seconds  clusters  subsidy/month  ÷ alone');
    for (const x of r.runs) {
      log(
        `  ${String(x.limit_s).padStart(4)} s  ${x.status.padEnd(10)}  ${String(x.gap ?? '—').padEnd(6)}  ${String(x.seconds).padStart(7)}  ${String(x.clusters).padStart(8)}  ${String(x.subsidy_per_month).padStart(13)}  ${x.subsidy_vs_alone}`,
      );
    }
    log(`  (load ${r.load_average.start} → ${r.load_average.end})`);
  }
}
