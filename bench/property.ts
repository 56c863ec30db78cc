// Property benchmark: `npm run bench -- property [--driver pglite|postgres] [--json] [--rounds N] [--limit S] [--reuse]`.
// One run, one database: the 高密市 demo as `npm start` loads it (every module's demo seeder: 186
// classified old compounds, 24 community service companies, the adopted cluster plan, an evaluation
// round, urban-management cases), then
// 1. the cluster planner on the demo's real compounds: their economics read through the property
//    module's exported compoundEconomics at county scope (timed), then solved with the county's default
//    parameters and a `--limit` s time limit (default 20, the scenario default) twice — the 105 poorly
//    managed and unmanaged compounds (what the adopted plan covers) and all 186 — with solve time,
//    status, gap, clusters, viable clusters, the monthly subsidy and that subsidy ÷ what every compound
//    alone would need; the demo's own plan solved as its seeder solves it (exactly 10 clusters over the
//    compounds of one subdistrict, service-clusters demo-plan.ts: the cost of solving at load time),
//    with planProblems' check; and the adopted plan as the load stored it;
// 2. p50/p95 of the county-scope property reads a county official opens, through the HTTP app
//    (inject, as the demo's county system administrator `admin`), `rounds` times each after a warm-up
//    (default 30): the property KPIs of the last 12 months, the compound profiles list (first page),
//    the ledger by street and by community, the companies list, the evaluation ranking of the newest
//    round, the urban-management case totals of the last 12 months. Each p95 with its ratio to two
//    baselines measured in the same run on the same database: a trivial indexed select (one territory
//    node by primary key, through the driver) and GET /api/v1/auth/me (the HTTP path with the session
//    check, no domain SQL).
// `--reuse` (PostgreSQL only): keep the database `linli_bench_property` of a previous run instead of
// loading the demo again (for before/after measurements of a code change on the same data).
// Progress goes to stdout (stderr with --json); the JSON result to stdout.
import { AuditKeys, configureAbilities, configureAuditKeys, loadConfig, type ModuleDeps, PersonalDataCipher } from '@linli/core';
import { createDatabase, type Database, maintainTables, migrate } from '@linli/db';
import { DEMO_PASSWORD, loadDemo } from '@linli/demo';
import { buildApp } from '@linli/server';
import { modules } from '@linli/server/modules';
import { clusterFigures, defaultParameters, planClusters } from '@linli/service-clusters';
import { compoundEconomics, ledger } from '../modules/property/src/figures.ts';
import { demoParameters, demoPlace, demoPlan, planProblems } from '../modules/service-clusters/src/demo-plan.ts';
import { planInput } from '../modules/service-clusters/src/plan-inputs.ts';
import { loadAverage, logger, openBenchDatabase, parseFlags, round, type Timing, timeIt } from './lib/harness.ts';
import * as legacy from './lib/legacy-property-figures.ts';

const TENANT = '370785';
const DB_NAME = 'linli_bench_property';

export interface PlannerRun {
  compounds: number;
  statuses: string;
  limit_s: number;
  status: string;
  gap: number | null;
  seconds: number;
  clusters: number;
  viable: number;
  largest_cluster: number;
  subsidy_per_month: number;
  subsidy_alone_per_month: number;
  subsidy_vs_alone: number;
}

export interface ReadResult {
  p50: number;
  p95: number;
  /** p95 ÷ the trivial indexed select's p95 */
  ratio_select: number;
  /** p95 ÷ GET /auth/me's p95 */
  ratio_me: number;
}

const ms = (t: Timing) => ({ p50: round(t.p50, 2), p95: round(t.p95, 2) });

export async function main(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const log = logger(flags.json);
  const value = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const rounds = value('--rounds', 30);
  const limit = value('--limit', 20);
  const reuse = args.includes('--reuse') && flags.driver === 'postgres';
  const started = performance.now();

  let database: Database;
  if (reuse) {
    const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/${DB_NAME}`;
    database = await createDatabase({ url: url.toString() });
    log(`reusing ${DB_NAME}`);
  } else {
    database = await openBenchDatabase(flags.driver, DB_NAME);
  }
  configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
  // What the server does when it builds its registry: the demo's adoption of the plan checks scopes.
  configureAbilities(modules.flatMap((m) => (m.abilities ? [m.abilities] : [])));
  const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
  let demoLoadS: number | null = null;
  if (!reuse) {
    await migrate(database);
    log(`loading the 高密市 demo with every module's seeder on ${flags.driver} …`);
    const summary = await loadDemo(
      { database, cipher },
      {
        modules,
        onProgress: (step, done, total) =>
          done === total && total === 1 && log(`  ${step} done (${((performance.now() - started) / 1000).toFixed(0)} s)`),
      },
    );
    demoLoadS = round(summary.elapsedMs / 1000, 1);
    log(`  demo loaded in ${demoLoadS} s`);
  }
  // What the embedded server does at start and every minute; PostgreSQL's autovacuum does the same.
  await maintainTables(database);
  const loadStart = await loadAverage();
  const county = (
    await database.query<{ id: string; path: string }>(
      `SELECT id::text AS id, path::text AS path FROM territory_node WHERE tenant_id = $1 AND kind = 'county' AND parent_id IS NULL`,
      [TENANT],
    )
  )[0]!;

  // 1. The planner on the demo's compounds.
  log('reading the compounds’ economics at county scope (property compoundEconomics) …');
  const scope = { tenantId: TENANT, paths: [county.path] };
  let economics = await compoundEconomics(database.db, scope, county.id);
  const economicsTiming = await timeIt(5, async () => {
    economics = await compoundEconomics(database.db, scope, county.id);
  });
  // Before and after the households came from the territory's subtree counts, same data, same run.
  const key = (list: { households: number }[]) => JSON.stringify(list.map((c) => c.households));
  const before = await legacy.compoundHouseholds(database, TENANT, county.path, county.id);
  if (key(before) !== key(economics)) throw new Error('compoundEconomics: the subtree counts and the household count disagree');
  const economicsBefore = await timeIt(flags.driver === 'pglite' ? 2 : 5, async () => {
    await legacy.compoundHouseholds(database, TENANT, county.path, county.id);
  });
  let communities = await ledger(database.db, scope, { nodeId: county.id, by: 'community' });
  const ledgerTiming = await timeIt(5, async () => {
    communities = await ledger(database.db, scope, { nodeId: county.id, by: 'community' });
  });
  const ledgerOld = await legacy.ledgerHouseholds(database, TENANT, county.path, county.id);
  if (key(ledgerOld) !== key(communities)) throw new Error('ledger: the subtree counts and the household count disagree');
  const ledgerBefore = await timeIt(flags.driver === 'pglite' ? 2 : 5, async () => {
    await legacy.ledgerHouseholds(database, TENANT, county.path, county.id);
  });
  log(
    `  ${economics.length} compounds: compoundEconomics p50 ${round(economicsTiming.p50)} ms (before ${round(economicsBefore.p50)} ms), ledger by community p50 ${round(ledgerTiming.p50)} ms (before ${round(ledgerBefore.p50)} ms)`,
  );
  const runs: PlannerRun[] = [];
  for (const statuses of [['poor', 'unmanaged'], []] as ('poor' | 'unmanaged')[][]) {
    const parameters = { ...defaultParameters, statuses, timeLimitSeconds: limit };
    const input = planInput(economics, parameters, []);
    const byId = new Map(input.compounds.map((c) => [c.id, c]));
    const alone = input.compounds.reduce((s, c) => s + clusterFigures(c.id, [c.id], byId, input.parameters).subsidy, 0);
    log(`solving ${input.compounds.length} compounds (${statuses.join('+') || 'every status'}) with a ${limit} s limit …`);
    const t = performance.now();
    const plan = await planClusters(input.compounds, input.parameters);
    runs.push({
      compounds: input.compounds.length,
      statuses: statuses.join('+') || 'all',
      limit_s: limit,
      status: plan.status,
      gap: plan.gap === null ? null : round(plan.gap, 4),
      seconds: round((performance.now() - t) / 1000, 1),
      clusters: plan.totals.clusters,
      viable: plan.totals.viable,
      largest_cluster: Math.max(0, ...plan.clusters.map((c) => c.memberIds.length)),
      subsidy_per_month: Math.round(plan.totals.subsidy),
      subsidy_alone_per_month: Math.round(alone),
      subsidy_vs_alone: alone > 0 ? round(plan.totals.subsidy / alone, 3) : 0,
    });
  }
  // The demo's own plan as its seeder solves it (service-clusters demo.ts): the subdistrict demoPlace
  // picks, exactly 10 clusters over its well-run, poorly run and unmanaged compounds, 高密市's costs.
  const places = [];
  for (const s of await database.query<{ id: string; name: string }>(
    `SELECT id::text AS id, name FROM territory_node WHERE tenant_id = $1 AND kind = 'subdistrict' ORDER BY name, id`,
    [TENANT],
  )) {
    const found = (await compoundEconomics(database.db, scope, s.id)).sort((a, b) => a.compoundId.localeCompare(b.compoundId));
    places.push({ ...s, economics: found, planned: planInput(found, demoParameters(10), []).compounds.length });
  }
  const place = demoPlace(places, 10);
  let demo: (PlannerRun & { place: string; problems: string[] }) | null = null;
  if (place) {
    log(`solving the demo's plan: ${place.planned} compounds of ${place.name}, exactly 10 clusters …`);
    const t = performance.now();
    const { plan, parameters } = await demoPlan(place.economics, 10, []);
    const seconds = round((performance.now() - t) / 1000, 2);
    const input = planInput(place.economics, parameters, []);
    const byId = new Map(input.compounds.map((c) => [c.id, c]));
    const alone = input.compounds.reduce((sum, c) => sum + clusterFigures(c.id, [c.id], byId, input.parameters).subsidy, 0);
    demo = {
      place: place.name,
      compounds: place.planned,
      statuses: parameters.statuses.join('+'),
      limit_s: parameters.timeLimitSeconds,
      status: plan.status,
      gap: round(plan.gap, 4),
      seconds,
      clusters: plan.totals.clusters,
      viable: plan.totals.viable,
      largest_cluster: Math.max(0, ...plan.clusters.map((c) => c.memberIds.length)),
      subsidy_per_month: Math.round(plan.totals.subsidy),
      subsidy_alone_per_month: Math.round(alone),
      subsidy_vs_alone: alone > 0 ? round(plan.totals.subsidy / alone, 3) : 0,
      problems: planProblems(plan, place.economics, parameters),
    };
  }
  const adopted = await adoptedPlan(database);

  // 2. The county-scope reads through the HTTP app.
  const config = { ...loadConfig({}), rateLimit: { apiPerMinute: 1_000_000, loginPerMinute: 1_000_000 } };
  const deps: ModuleDeps = { database, db: database.db, cipher, config };
  const app = await buildApp({ deps });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login as admin: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.find((c) => c.name === 'linli_session')!;
  const headers = { cookie: `linli_session=${cookie.value}` };
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
  const today = new Date();
  const to = today.toISOString().slice(0, 10);
  const from = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
  const roundsList = (await get('/property-evaluation/rounds?limit=1')) as { items: { id: string }[] };
  const newestRound = roundsList.items[0]?.id;
  const reads: [string, string][] = [
    ['property_kpis_12_months', `/property/kpis?nodeId=${county.id}&from=${from}&to=${to}`],
    ['profiles_first_page', '/property/compounds?limit=50'],
    ['ledger_by_subdistrict', '/property/ledger?by=subdistrict'],
    ['ledger_by_community', '/property/ledger?by=community'],
    ['companies_first_page', '/property/companies?limit=50'],
    ...(newestRound ? ([['evaluation_ranking', `/property-evaluation/rounds/${newestRound}/ranking`]] as [string, string][]) : []),
    ['urban_case_totals_12_months', `/urban-cases/totals?from=${from}&to=${to}`],
  ];
  log(`timing the baselines and ${reads.length} county reads, ${rounds} rounds each …`);
  const select = await timeIt(rounds, async () => {
    await database.query('SELECT id, name FROM territory_node WHERE tenant_id = $1 AND id = $2::uuid', [TENANT, county.id]);
  });
  const me = await timeIt(rounds, async () => {
    await get('/auth/me');
  });
  const results: Record<string, ReadResult> = {};
  for (const [name, url] of reads) {
    const t = await timeIt(rounds, async () => {
      await get(url);
    });
    results[name] = { ...ms(t), ratio_select: round(t.p95 / select.p95, 1), ratio_me: round(t.p95 / me.p95, 1) };
    log(`  ${name.padEnd(28)} p50 ${String(round(t.p50, 1)).padStart(7)} ms  p95 ${String(round(t.p95, 1)).padStart(7)} ms`);
  }
  await app.close();
  const result = {
    driver: flags.driver,
    rounds,
    demo_load_s: demoLoadS,
    compound_economics_ms: ms(economicsTiming),
    compound_economics_before_ms: ms(economicsBefore),
    ledger_function_ms: ms(ledgerTiming),
    ledger_function_before_ms: ms(ledgerBefore),
    planner: runs,
    demo_plan: demo,
    adopted_plan: adopted,
    baselines: { indexed_select: ms(select), auth_me: ms(me) },
    reads: results,
    load_average: { start: loadStart, end: await loadAverage() },
  };
  await database.close();
  if (flags.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  log(`\nproperty benchmark on ${flags.driver} (load ${result.load_average.start} → ${result.load_average.end})`);
  log(
    `compoundEconomics at county scope: p50 ${result.compound_economics_ms.p50} ms (before: ${result.compound_economics_before_ms.p50} ms); ledger by community p50 ${result.ledger_function_ms.p50} ms (before: ${result.ledger_function_before_ms.p50} ms)`,
  );
  log('  compounds  statuses        limit  status      gap     seconds  clusters  viable  largest  subsidy/month  alone/month  ÷ alone');
  for (const r of runs) {
    log(
      `  ${String(r.compounds).padStart(9)}  ${r.statuses.padEnd(14)}  ${String(r.limit_s).padStart(3)} s  ${r.status.padEnd(10)}  ${String(r.gap ?? '—').padEnd(6)}  ${String(r.seconds).padStart(7)}  ${String(r.clusters).padStart(8)}  ${String(r.viable).padStart(6)}  ${String(r.largest_cluster).padStart(7)}  ${String(r.subsidy_per_month).padStart(13)}  ${String(r.subsidy_alone_per_month).padStart(11)}  ${r.subsidy_vs_alone}`,
    );
  }
  log(`demo plan as the seeder solves it: ${JSON.stringify(demo)}`);
  log(`adopted plan in the database: ${JSON.stringify(adopted)}`);
  log(`baselines: indexed select p95 ${result.baselines.indexed_select.p95} ms, GET /auth/me p95 ${result.baselines.auth_me.p95} ms`);
  log('  read                          p50 ms    p95 ms  ÷ select  ÷ /auth/me');
  for (const [name, r] of Object.entries(results)) {
    log(
      `  ${name.padEnd(28)}  ${String(r.p50).padStart(7)}  ${String(r.p95).padStart(7)}  ${String(r.ratio_select).padStart(8)}  ${String(r.ratio_me).padStart(10)}`,
    );
  }
}

/** The adopted scenario of the demo: its clusters, viable ones, subsidy, largest cluster (compounds) and farthest member. */
async function adoptedPlan(database: Database) {
  const found = await database.query<{
    clusters: number;
    viable: number;
    subsidy: number;
    largest: number;
    far: number;
    compounds: number;
  }>(
    `SELECT count(*)::int AS clusters, count(*) FILTER (WHERE c.subsidy = 0)::int AS viable, coalesce(sum(c.subsidy), 0)::float8 AS subsidy,
        coalesce(max(m.n), 0)::int AS largest, coalesce(max(c.max_distance_km), 0)::float8 AS far, coalesce(sum(m.n), 0)::int AS compounds
      FROM cluster_scenario_cluster c JOIN cluster_scenario s ON s.tenant_id = c.tenant_id AND s.id = c.scenario_id
      JOIN LATERAL (SELECT count(*)::int AS n FROM cluster_scenario_member x WHERE x.tenant_id = c.tenant_id AND x.cluster_id = c.id) m ON true
      WHERE s.tenant_id = $1 AND s.status = 'adopted'`,
    [TENANT],
  );
  return found[0] ?? null;
}
