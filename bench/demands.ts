// Demands benchmark: `npm run bench -- demands [--driver pglite|postgres] [--quick] [--count N] [--json]`.
// One run, one database: a city-scale demand history is generated with SQL (the demo county with
// 1,000,000 demands over 3 years; --quick: the small test tree with 3,000), then, on that data:
// - raw_insert_per_s: sequential single-row INSERTs of a demand-shaped row in autocommit;
// - intake_per_s: POST /api/v1/demands over real HTTP (loopback) with everything intake does
//   (session, validation, deadlines, numbering, timeline, audit, outbox event, read-back), staff
//   (12345 callers) and residents (their own household) alternating; sequentially and with
//   CONCURRENCY clients at once, against raw inserts at the same concurrency;
// - inbox p50/p95: a community worker's inbox first page (with its total) and its overdue tab, and
//   the subdistrict official's inbox and its to-call-back tab (待回访);
// - dashboard p50/p95: GET /demands/kpis for one subdistrict over the last full calendar year;
// - county_* p50/p95: what a county staff member (县级工作人员) opens on the whole county — hot spots
//   by compound and by community (热点), the monthly themes (每月一题), the inbox, a year's KPIs;
// - classifier_accuracy: the smart module's naive Bayes on its own synthetic corpus (not real text), 20 % held out;
// - classifier_cv_accuracy: a county retrain on the generated closed demands (the demo's texts) — the
//   cross-validated accuracy of the setting it chooses, with the setting and the lowest class recall.
// Progress goes to stdout (stderr with --json); the JSON result to stdout.
import { createAccount } from '@linli/accounts/testing';
import {
  type AppConfig,
  AuditKeys,
  configureAuditKeys,
  loadConfig,
  type ModuleDeps,
  newId,
  PersonalDataCipher,
  verifyAuditChain,
} from '@linli/core';
import { type Database, migrate } from '@linli/db';
import { holdoutEvaluation, retrainClassifier, generateDemands as syntheticCorpus } from '@linli/demand-smart';
import { demoDemandTexts, generateDemands, loadDemo } from '@linli/demo';
import { buildApp } from '@linli/server';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import { loadAverage, openBenchDatabase, parseFlags, rate, round, type Timing, timeIt } from './lib/harness.ts';

/** Clients submitting at once in the concurrent runs (and raw inserters, for the same ratio). */
export const CONCURRENCY = 8;

export interface DemandsBenchOptions {
  database: Database;
  driver: 'pglite' | 'postgres';
  /** The small test tree and a few thousand demands instead of the demo county and a million. */
  quick: boolean;
  /** Demands to generate (default 1,000,000; quick 3,000). */
  count?: number;
  /** Requests per intake run and rows per raw-insert run (default 2000; quick 200). */
  writes?: number;
  /** Rounds of each read (default 40; quick 10). */
  rounds?: number;
  log?: (line: string) => void;
}

export interface DemandsBenchResult {
  scale: string;
  driver: string;
  demands: number;
  generation_s: number;
  concurrency: number;
  raw_insert_per_s: number;
  intake_per_s: number;
  intake_ratio: number;
  raw_insert_concurrent_per_s: number;
  intake_concurrent_per_s: number;
  intake_concurrent_ratio: number;
  inbox_p50_ms: number;
  inbox_p95_ms: number;
  dashboard_p50_ms: number;
  dashboard_p95_ms: number;
  /** Held-out accuracy on the smart module's synthetic corpus: says the classifier works, not how well on real text. */
  classifier_accuracy: number;
  classifier_accuracy_basis: string;
  classifier_examples: number;
  /** Cross-validated accuracy of the setting a county retrain chooses on the generated closed demands (the demo's texts). */
  classifier_cv_accuracy: number;
  classifier_cv_examples: number;
  classifier_cv_setting: { features: string; variant: string; alpha: number; priorWeight: number } | null;
  classifier_cv_min_recall: number;
  classifier_retrain_s: number;
  reads_ms: Record<string, { p50: number; p95: number }>;
  audit_chain_ok: boolean;
  load_average: { start: number; end: number };
}

interface Session {
  cookie: string;
  'x-csrf-token': string;
}

const PASSWORD = 'Bench@2026x';

export async function runDemandsBenchmark(options: DemandsBenchOptions): Promise<DemandsBenchResult> {
  const { database, driver, quick } = options;
  const log = options.log ?? (() => {});
  const count = options.count ?? (quick ? 3000 : 1_000_000);
  const writes = options.writes ?? (quick ? 200 : 2000);
  const rounds = options.rounds ?? (quick ? 10 : 40);
  const loadStart = await loadAverage();
  await migrate(database);
  configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
  const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
  const tenantId = '370785';
  const pick = async (text: string, params: unknown[] = []) => {
    const [row] = await database.query<{ id: string }>(text, params);
    if (!row) throw new Error(`not found: ${text}`);
    return row.id;
  };
  let communityId: string;
  let subdistrictId: string;
  let countyId: string;
  if (quick) {
    await createTenant(database.db, { tenantId, name: '高密市' });
    const tree = await buildSmallTree(database.db, tenantId, '高密市');
    communityId = tree.communities[0]!.id;
    subdistrictId = tree.subdistricts[0]!.id;
    countyId = tree.county.id;
  } else {
    log('loading the demo county…');
    const summary = await loadDemo({ database, cipher }, { onProgress: (step, done, total) => done === total && log(`  ${step} done`) });
    log(`  demo loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    communityId = await pick("SELECT id FROM territory_node WHERE tenant_id = $1 AND name = '秦家岭社区'", [tenantId]);
    subdistrictId = await pick("SELECT id FROM territory_node WHERE tenant_id = $1 AND name = '朝阳街道'", [tenantId]);
    countyId = await pick("SELECT id FROM territory_node WHERE tenant_id = $1 AND kind = 'county'", [tenantId]);
  }
  const households = await database.query<{ id: string }>(
    `SELECT h.id FROM territory_node h, territory_node c
     WHERE c.tenant_id = $1 AND c.id = $2 AND h.tenant_id = c.tenant_id AND h.kind = 'household' AND h.path <@ c.path
     ORDER BY h.id LIMIT ${CONCURRENCY}`,
    [tenantId, communityId],
  );
  if (households.length === 0) throw new Error('the community has no households');

  // Accounts: intake staff and residents (one per concurrent client), the community worker and
  // the subdistrict official whose inbox and dashboard are measured.
  const account = async (username: string, role: 'community_staff' | 'subdistrict_staff' | 'county_staff' | 'resident', nodeId: string) =>
    createAccount(database.db, { tenantId, username, password: PASSWORD, displayName: username, grants: [{ role, nodeId }] });
  const staff: { id: string; username: string }[] = [];
  const residents: { id: string; username: string; household: string }[] = [];
  for (let i = 0; i < CONCURRENCY / 2; i++) staff.push(await account(`bench.staff${i}`, 'community_staff', communityId));
  for (let i = 0; i < CONCURRENCY / 2; i++)
    residents.push({
      ...(await account(`bench.resident${i}`, 'resident', households[i % households.length]!.id)),
      household: households[i % households.length]!.id,
    });
  await account('bench.subdistrict', 'subdistrict_staff', subdistrictId);
  await account('bench.county', 'county_staff', countyId);

  // 1. The city-scale history, in bulk SQL (the demands module's scale generator: it keeps the KPI
  // rollups and the numbering right). Timelines only for the last 30 days, which the inbox shows.
  log(`generating ${count.toLocaleString('en')} demands over 3 years…`);
  const generated = await generateDemands(database.db, {
    tenantId,
    // The demo's texts: each written for its leaf category and place (the classifier's retrain learns from them below).
    texts: demoDemandTexts(),
    count,
    years: 3,
    seed: 2026,
    timelineDays: 30,
    onStep: (step, ms) => ms > 1000 && log(`  ${step}: ${(ms / 1000).toFixed(1)} s`),
  });
  log(
    `  ${generated.inserted.toLocaleString('en')} demands, ${generated.events.toLocaleString('en')} timeline entries, ${generated.callbacks.toLocaleString('en')} callbacks in ${(generated.ms / 1000).toFixed(1)} s`,
  );

  // Planner statistics as autovacuum would have them on a live database (a bulk load leaves none).
  const analyzeStart = performance.now();
  await database.exec('ANALYZE');
  log(`  ANALYZE in ${((performance.now() - analyzeStart) / 1000).toFixed(1)} s`);

  // 2. The server on loopback.
  const config: AppConfig = { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000_000, loginPerMinute: 1_000_000 } };
  const deps: ModuleDeps = { database, db: database.db, cipher, config };
  const app = await buildApp({ deps });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const http = async (method: string, path: string, session: Session | null, body?: unknown, extra: Record<string, string> = {}) => {
      const res = await fetch(`${base}/api/v1${path}`, {
        method,
        headers: { ...(session ?? {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...extra },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return { res, text };
    };
    const login = async (username: string): Promise<Session> => {
      const { res, text } = await http('POST', '/auth/login', null, { username, password: PASSWORD });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('linli_session='));
      if (!cookie) throw new Error(`login ${username}: no session cookie`);
      return { cookie: cookie.split(';')[0]!, 'x-csrf-token': JSON.parse(text).csrfToken as string };
    };
    const staffSessions = await Promise.all(staff.map((s) => login(s.username)));
    const residentSessions = await Promise.all(residents.map((r) => login(r.username)));
    const official = await login('bench.subdistrict');
    const countyStaff = await login('bench.county');

    // 3. Raw single-row inserts of a demand-shaped row, autocommit, on the same database.
    await database.exec(`CREATE TABLE bench_raw_demand (LIKE demand INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
      ALTER TABLE bench_raw_demand ADD PRIMARY KEY (tenant_id, id)`);
    const [place] = await database.query<{ path: string; category_id: string }>(
      `SELECT n.path::text AS path, (SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'noise') AS category_id
       FROM territory_node n WHERE n.tenant_id = $1 AND n.id = $2`,
      [tenantId, households[0]!.id],
    );
    let rawSerial = 0;
    const rawInsert = async () => {
      const now = new Date();
      await database.query(
        `INSERT INTO bench_raw_demand (tenant_id, id, number, channel, type, category_id, urgency, title, description, node_id, node_path,
           reporter_kind, reporter_phone_hash, reporter_phone_masked, level, response_due_at, resolve_due_at, submitted_at)
         VALUES ($1, $2, $3, 'hotline_12345', 'complaint', $4, 'normal', $5, $6, $7, $8, 'caller', $9, '138****0000', 'compound', $10, $11, $12)`,
        [
          tenantId,
          newId(),
          `R-${++rawSerial}`,
          place!.category_id,
          '楼上装修电钻声从早响到晚',
          '您好，3号楼楼上装修电钻声从早响到晚，周末也不停，麻烦尽快处理。',
          households[0]!.id,
          place!.path,
          `hash-${rawSerial}`,
          new Date(now.getTime() + 86_400_000).toISOString(),
          new Date(now.getTime() + 7 * 86_400_000).toISOString(),
          now.toISOString(),
        ],
      );
    };
    log('raw single-row inserts…');
    await rawInsert();
    const rawPerS = await rate(writes, 1, rawInsert);
    const rawConcurrentPerS = await rate(writes, CONCURRENCY, rawInsert);

    // 4. Intake over HTTP: staff (12345 callers) and residents alternating.
    const noise = await pick("SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'noise'", [tenantId]);
    const garbage = await pick("SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'garbage'", [tenantId]);
    const runId = newId();
    let phase = 0;
    const submit = async (i: number, client: number) => {
      const k = client % CONCURRENCY;
      if (k % 2 === 0) {
        await http('POST', '/demands', staffSessions[(k / 2) % staffSessions.length]!, {
          channel: 'hotline_12345',
          type: 'complaint',
          categoryId: noise,
          description: `您好，楼上装修电钻声从早响到晚，周末也不停（第 ${i} 次反映），麻烦尽快处理。`,
          nodeId: households[i % households.length]!.id,
          reporter: { kind: 'caller', name: '王先生', phone: `1380000${String(i % 10_000).padStart(4, '0')}` },
        });
      } else {
        // The mobile page sends an Idempotency-Key with every submission (staff pages do not).
        const r = ((k - 1) / 2) % residentSessions.length;
        await http(
          'POST',
          '/demands',
          residentSessions[r]!,
          {
            type: 'help',
            categoryId: garbage,
            description: `小区垃圾清运不及时，垃圾桶满了溢到地上（${i}）`,
            nodeId: residents[r]!.household,
          },
          { 'idempotency-key': `bench-${runId}-${phase}-${i}` },
        );
      }
    };
    log('intake over HTTP…');
    for (let i = 0; i < CONCURRENCY; i++) await submit(i, i); // warm-up: every session once
    phase++;
    const intakePerS = await rate(writes, 1, (i) => submit(i, i));
    phase++;
    const intakeConcurrentPerS = await rate(writes, CONCURRENCY, (i, w) => submit(i, w));

    // 5. Reads.
    log('inbox and dashboard…');
    const worker = staffSessions[0]!;
    const get = (session: Session, path: string) => async () => {
      await http('GET', path, session);
    };
    const inboxes = {
      community_inbox: await timeIt(rounds, get(worker, '/demands?limit=20')),
      community_overdue: await timeIt(rounds, get(worker, '/demands?tab=overdue&limit=20')),
      subdistrict_inbox: await timeIt(rounds, get(official, '/demands?limit=20')),
      subdistrict_to_callback: await timeIt(rounds, get(official, '/demands?tab=to_callback&limit=20')),
    };
    const year = new Date().getUTCFullYear() - 1;
    const dashboard = await timeIt(rounds, get(official, `/demands/kpis?nodeId=${subdistrictId}&from=${year}-01-01&to=${year}-12-31`));
    const inbox = mergeTimings(Object.values(inboxes));
    // The county's pages, by a county staff member.
    log('county pages…');
    const county = {
      county_hotspots: await timeIt(rounds, get(countyStaff, `/demands/hotspots?nodeId=${countyId}`)),
      county_hotspots_by_community: await timeIt(rounds, get(countyStaff, `/demands/hotspots?nodeId=${countyId}&by=community`)),
      county_themes: await timeIt(rounds, get(countyStaff, '/demand-themes')),
      county_inbox: await timeIt(rounds, get(countyStaff, '/demands?limit=20')),
      county_year_kpis: await timeIt(rounds, get(countyStaff, `/demands/kpis?nodeId=${countyId}&from=${year}-01-01&to=${year}-12-31`)),
    };
    // What a resident waits for while typing: category suggestion and the similar open demands of their place.
    const suggest = await timeIt(rounds, async (i) => {
      await http('POST', '/demands/suggest', residentSessions[0]!, {
        description: `小区垃圾桶满了没人清运，臭味很大（${i}）`,
        nodeId: residents[0]!.household,
      });
    });

    // 6. The classifier. (a) On the smart module's own synthetic corpus, 20 % held out — a figure
    // that says the classifier works, not how well it does on real text. (b) A county retrain on the
    // generated closed demands (the demo's texts, filed under their leaf categories): the setting it
    // chooses by 5-fold cross-validation and that setting's cross-validated accuracy.
    const synthetic = syntheticCorpus({ count: 5000, seed: 42 }).map((d) => ({ text: d.text, label: d.category }));
    const evaluation = holdoutEvaluation(synthetic, { ratio: 0.2, seed: 42 });
    const retrainStart = performance.now();
    const retrained = await retrainClassifier(database.db, { system: 'bench', tenantId });
    const retrainS = (performance.now() - retrainStart) / 1000;
    const cv = retrained.category.crossValidation ?? null;

    // 7. The audit chain is still whole after concurrent intake.
    const audit = await verifyAuditChain(database.db, { tenantId });

    const ms = (t: Timing) => ({ p50: round(t.p50), p95: round(t.p95) });
    return {
      scale: quick ? 'quick' : 'city',
      driver,
      demands: generated.inserted,
      generation_s: round(generated.ms / 1000),
      concurrency: CONCURRENCY,
      raw_insert_per_s: Math.round(rawPerS),
      intake_per_s: Math.round(intakePerS),
      intake_ratio: round(intakePerS / rawPerS, 3),
      raw_insert_concurrent_per_s: Math.round(rawConcurrentPerS),
      intake_concurrent_per_s: Math.round(intakeConcurrentPerS),
      intake_concurrent_ratio: round(intakeConcurrentPerS / rawConcurrentPerS, 3),
      inbox_p50_ms: round(inbox.p50),
      inbox_p95_ms: round(inbox.p95),
      dashboard_p50_ms: round(dashboard.p50),
      dashboard_p95_ms: round(dashboard.p95),
      classifier_accuracy: round(evaluation.accuracy, 4),
      classifier_accuracy_basis: 'synthetic corpus (demand-smart synthetic-demands.ts), 20 % held out',
      classifier_examples: synthetic.length,
      classifier_cv_accuracy: cv?.accuracy ?? 0,
      classifier_cv_examples: cv?.examples ?? 0,
      classifier_cv_setting: cv?.setting ?? null,
      classifier_cv_min_recall: cv ? Math.min(...cv.perClass.map((c) => c.recall)) : 0,
      classifier_retrain_s: round(retrainS, 1),
      reads_ms: {
        ...Object.fromEntries(Object.entries(inboxes).map(([k, v]) => [k, ms(v)])),
        subdistrict_year_kpis: ms(dashboard),
        resident_suggest: ms(suggest),
        ...Object.fromEntries(Object.entries(county).map(([k, v]) => [k, ms(v)])),
      },
      audit_chain_ok: audit.breaks.length === 0,
      load_average: { start: loadStart, end: await loadAverage() },
    };
  } finally {
    await app.close();
  }
}

function mergeTimings(list: Timing[]): Timing {
  const all = list.flatMap((t) => t.samples).sort((a, b) => a - b);
  const at = (p: number) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))] ?? Number.NaN;
  return { p50: at(50), p95: at(95), samples: all };
}

export function printTable(r: DemandsBenchResult, log: (line: string) => void): void {
  const num = (n: number) => n.toLocaleString('en').padStart(9);
  log(`\ndemands benchmark — ${r.scale} (${r.demands.toLocaleString('en')} demands, generated in ${r.generation_s} s) on ${r.driver}`);
  log(`                                   sequential   ${r.concurrency} clients`);
  log(`  raw single-row insert  rows/s   ${num(r.raw_insert_per_s)}   ${num(r.raw_insert_concurrent_per_s)}`);
  log(`  intake over HTTP       req/s    ${num(r.intake_per_s)}   ${num(r.intake_concurrent_per_s)}`);
  log(`  intake ÷ raw                    ${String(r.intake_ratio).padStart(9)}   ${String(r.intake_concurrent_ratio).padStart(9)}`);
  log(`  inbox (all tabs)         p50 ${String(r.inbox_p50_ms).padStart(7)} ms   p95 ${String(r.inbox_p95_ms).padStart(7)} ms`);
  for (const [k, v] of Object.entries(r.reads_ms))
    log(`    ${k.padEnd(28)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`);
  log(`  classifier accuracy      ${r.classifier_accuracy} on ${r.classifier_examples} synthetic-corpus texts (20 % held out)`);
  log(
    `  classifier retrain       cross-validated ${r.classifier_cv_accuracy} on ${r.classifier_cv_examples} closed demands ` +
      `(${JSON.stringify(r.classifier_cv_setting)}; lowest class recall ${r.classifier_cv_min_recall}) in ${r.classifier_retrain_s} s`,
  );
  log(
    `  audit chain              ${r.audit_chain_ok ? 'verified' : 'BROKEN'}; load average ${r.load_average.start} → ${r.load_average.end}`,
  );
}

/** The command line: `npm run bench -- demands …`. */
export async function main(args: string[]): Promise<void> {
  const flags = parseFlags(args);
  const log = (line: string) => (flags.json ? process.stderr : process.stdout).write(`${line}\n`);
  const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : undefined;
  if (count !== undefined && !(Number.isInteger(count) && count > 0)) throw new Error('--count must be a positive integer');
  const database = await openBenchDatabase(flags.driver, 'linli_bench_demands', CONCURRENCY + 2);
  try {
    const result = await runDemandsBenchmark({ database, driver: flags.driver, quick: flags.quick, count, log });
    if (flags.json) console.log(JSON.stringify(result, null, 2));
    else printTable(result, log);
  } finally {
    await database.close();
  }
}
