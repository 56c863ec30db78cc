// Foundation benchmark: `npm run bench -- [--driver pglite|postgres] [--quick] [--json]`.
// One run, one database: the raw single-row insert rate of the database, the rate of audited
// writes through the HTTP API (node creation: validation, scope check, audit record, domain
// event), their ratio, and p50/p95 of the reads people wait for (subtree counts, resident
// lists, party coverage, hot spots) on the demo county (--quick: a small generated county) — those named
// county_* by a county staff account (县级工作人员) over the whole county, after the table
// maintenance embedded mode runs (PGlite has no autovacuum: statistics as the server would have them).
import { createAccount } from '@linli/accounts/testing';
import { AuditKeys, configureAuditKeys, loadConfig, type ModuleDeps, newId, PersonalDataCipher } from '@linli/core';
import { maintainTables, migrate } from '@linli/db';
import { loadDemo } from '@linli/demo';
import { buildApp } from '@linli/server';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import { loadAverage, logger, openBenchDatabase, parseFlags, timeIt } from './lib/harness.ts';

export async function main(args: string[]): Promise<void> {
  const { driver, quick, json: asJson } = parseFlags(args);
  const log = logger(asJson);
  const database = await openBenchDatabase(driver);
  await migrate(database);
  configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
  const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
  const tenantId = '370785';
  let county: { id: string };
  let community: { id: string };
  let entrance: { id: string };
  if (quick) {
    await createTenant(database.db, { tenantId, name: '高密市' });
    const tree = await buildSmallTree(database.db, tenantId, '高密市');
    county = tree.county;
    community = tree.communities[0]!;
    entrance = tree.entrances[0]!;
  } else {
    log('loading the demo county (this is the data the reads run on)…');
    const summary = await loadDemo({ database, cipher }, { onProgress: (step, done, total) => done === total && log(`  ${step} done`) });
    log(`  demo loaded in ${(summary.elapsedMs / 1000).toFixed(1)} s`);
    const pick = async (sql: string) => (await database.query<{ id: string }>(sql))[0]!;
    county = await pick("SELECT id FROM territory_node WHERE tenant_id = '370785' AND kind = 'county'");
    community = await pick("SELECT id FROM territory_node WHERE tenant_id = '370785' AND name = '秦家岭社区'");
    entrance = await pick(
      `SELECT e.id FROM territory_node e, territory_node c WHERE c.id = '${community.id}' AND e.kind = 'entrance' AND e.path <@ c.path LIMIT 1`,
    );
  }
  await createAccount(database.db, {
    tenantId,
    username: 'benchadmin',
    password: 'Bench@2026x',
    grants: [{ role: 'system_admin', nodeId: county.id }],
  });
  // What the embedded server does at start and every minute; PostgreSQL's autovacuum does the same.
  await maintainTables(database);
  const loadStart = await loadAverage();
  await createAccount(database.db, {
    tenantId,
    username: 'benchcounty',
    password: 'Bench@2026x',
    grants: [{ role: 'county_staff', nodeId: county.id }],
  });
  await createAccount(database.db, {
    tenantId,
    username: 'benchworker',
    password: 'Bench@2026x',
    grants: [{ role: 'community_staff', nodeId: community.id }],
  });

  const config = { ...loadConfig({}), rateLimit: { apiPerMinute: 1_000_000, loginPerMinute: 1_000_000 } };
  const deps: ModuleDeps = { database, db: database.db, cipher, config };
  const app = await buildApp({ deps });
  await app.ready();
  const session = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: 'Bench@2026x' } });
    const cookie = res.cookies.find((c) => c.name === 'linli_session')!;
    return { cookie: `linli_session=${cookie.value}`, 'x-csrf-token': res.json().csrfToken as string };
  };
  const admin = await session('benchadmin');
  const worker = await session('benchworker');
  const countyStaff = await session('benchcounty');

  // 1. Raw single-row inserts on the same database.
  const rawCount = quick ? 500 : 3000;
  await database.exec(
    'CREATE TABLE bench_raw (tenant_id text NOT NULL, id uuid NOT NULL, name text NOT NULL, PRIMARY KEY (tenant_id, id))',
  );
  let t = performance.now();
  for (let i = 0; i < rawCount; i++) await database.query('INSERT INTO bench_raw VALUES ($1, $2, $3)', [tenantId, newId(), `row ${i}`]);
  const rawPerS = rawCount / ((performance.now() - t) / 1000);

  if (process.env.COUNT_QUERIES) {
    const counter = (globalThis as { __countQueries?: () => { n: number; seen: string[] } }).__countQueries!;
    counter();
    await app.inject({
      method: 'POST',
      url: '/api/v1/territory/nodes',
      headers: admin,
      payload: { parentId: entrance.id, kind: 'household', name: 'probe' },
    });
    const r = counter();
    log(`queries for one node creation: ${r.n}\n  ${r.seen.join('\n  ')}`);
  }

  // 2. Audited writes through the API: a household node per request.
  const apiCount = quick ? 100 : 600;
  t = performance.now();
  for (let i = 0; i < apiCount; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/territory/nodes',
      headers: admin,
      payload: { parentId: entrance.id, kind: 'household', name: `bench-${i}` },
    });
    if (res.statusCode !== 201) throw new Error(`create node: ${res.statusCode} ${res.body}`);
  }
  const apiPerS = apiCount / ((performance.now() - t) / 1000);

  // 3. Reads.
  const rounds = quick ? 10 : 30;
  const get = (url: string, headers: Record<string, string>) => async () => {
    const res = await app.inject({ url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  };
  const reads = {
    county_counts: await timeIt(rounds, get(`/api/v1/territory/nodes/${county.id}`, admin)),
    community_counts: await timeIt(rounds, get(`/api/v1/territory/nodes/${community.id}`, worker)),
    community_residents_page: await timeIt(rounds, get(`/api/v1/people/residents?nodeId=${community.id}&limit=50`, worker)),
    county_residents_page: await timeIt(rounds, get(`/api/v1/people/residents?limit=50`, admin)),
    county_party_coverage: await timeIt(rounds, get(`/api/v1/party/coverage?nodeId=${county.id}`, admin)),
    // Every page a county staff member opens on the whole county.
    county_node_page: await timeIt(rounds, get(`/api/v1/territory/nodes/${county.id}`, countyStaff)),
    county_roots: await timeIt(rounds, get('/api/v1/territory/roots', countyStaff)),
    county_children_with_counts: await timeIt(rounds, get(`/api/v1/territory/nodes?parentId=${county.id}`, countyStaff)),
    county_node_search: await timeIt(rounds, get(`/api/v1/territory/nodes?q=${encodeURIComponent('社区')}&limit=50`, countyStaff)),
    county_residents_by_node: await timeIt(rounds, get(`/api/v1/people/residents?nodeId=${county.id}&limit=50`, countyStaff)),
    county_residents_newest: await timeIt(rounds, get('/api/v1/people/residents?sort=-createdAt&limit=50', countyStaff)),
    county_residents_name_search: await timeIt(rounds, get(`/api/v1/people/residents?q=${encodeURIComponent('张')}&limit=50`, countyStaff)),
    county_residents_tag: await timeIt(rounds, get(`/api/v1/people/residents?tag=${encodeURIComponent('独居')}&limit=50`, countyStaff)),
    county_leaders: await timeIt(rounds, get('/api/v1/people/leaders', countyStaff)),
    county_party_orgs: await timeIt(rounds, get('/api/v1/party/orgs?limit=50', countyStaff)),
    county_party_members: await timeIt(rounds, get('/api/v1/party/members?limit=50', countyStaff)),
    county_party_coverage_staff: await timeIt(rounds, get(`/api/v1/party/coverage?nodeId=${county.id}`, countyStaff)),
    // The demo's demands (the demands benchmark measures the same pages at 1,000,000).
    county_hotspots: await timeIt(rounds, get(`/api/v1/demands/hotspots?nodeId=${county.id}`, countyStaff)),
    county_hotspots_by_community: await timeIt(rounds, get(`/api/v1/demands/hotspots?nodeId=${county.id}&by=community`, countyStaff)),
    county_themes: await timeIt(rounds, get('/api/v1/demand-themes', countyStaff)),
    county_demand_inbox: await timeIt(rounds, get('/api/v1/demands?limit=20', countyStaff)),
  };

  const result = {
    scale: quick ? 'quick' : 'demo',
    driver,
    raw_insert_per_s: Math.round(rawPerS),
    api_write_per_s: Math.round(apiPerS),
    api_write_ratio: Number((apiPerS / rawPerS).toFixed(3)),
    reads_ms: Object.fromEntries(
      Object.entries(reads).map(([k, v]) => [k, { p50: Number(v.p50.toFixed(1)), p95: Number(v.p95.toFixed(1)) }]),
    ),
    load_average: { start: loadStart, end: await loadAverage() },
  };
  if (asJson) console.log(JSON.stringify(result, null, 2));
  else {
    log(`\nfoundation benchmark — ${result.scale} data on ${driver}`);
    log(`  raw single-row insert      ${String(result.raw_insert_per_s).padStart(8)} rows/s`);
    log(`  audited API node creation  ${String(result.api_write_per_s).padStart(8)} req/s   ratio ${result.api_write_ratio}`);
    for (const [k, v] of Object.entries(result.reads_ms))
      log(`  ${k.padEnd(28)} p50 ${String(v.p50).padStart(7)} ms   p95 ${String(v.p95).padStart(7)} ms`);
    log(`  load average ${result.load_average.start} → ${result.load_average.end}`);
  }
  await app.close();
  await database.close();
}
