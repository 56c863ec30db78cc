// Where an intake request spends its milliseconds: `node --import tsx bench/profile-intake.ts [--driver postgres]`.
// Times every SQL statement of sequential POST /api/v1/demands over loopback HTTP (node-postgres
// only: the driver's query is wrapped) and prints, per request, the statements with their mean
// time, the time in SQL, and the rest (HTTP, parsing, validation, hashing, JSON).
import { createAccount } from '@linli/accounts/testing';
import { AuditKeys, configureAuditKeys, loadConfig, PersonalDataCipher } from '@linli/core';
import { migrate } from '@linli/db';
import { buildApp } from '@linli/server';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import pg from 'pg';
import { openBenchDatabase, parseFlags } from './lib/harness.ts';

const { driver } = parseFlags(process.argv.slice(2));
const explain = process.argv.includes('--explain');
const timings = new Map<string, { n: number; ms: number }>();
let lastWrite: { text: string; values: unknown[] } | undefined;
let recording = false;
const original = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: instrumentation of the driver
(pg.Client.prototype as any).query = function (this: unknown, ...a: any[]) {
  const text = String(typeof a[0] === 'string' ? a[0] : a[0]?.text)
    .replace(/\s+/g, ' ')
    .slice(0, 90);
  const t = performance.now();
  if (text.startsWith('WITH serial')) lastWrite = { text: a[0]?.text ?? a[0], values: a[0]?.values ?? a[1] };
  const record = () => {
    if (!recording) return;
    const e = timings.get(text) ?? { n: 0, ms: 0 };
    e.n++;
    e.ms += performance.now() - t;
    timings.set(text, e);
  };
  // pg.Pool.query (autocommit statements) passes a callback; client.query in a transaction returns a promise.
  const last = a.length - 1;
  if (typeof a[last] === 'function') {
    const callback = a[last];
    // biome-ignore lint/suspicious/noExplicitAny: instrumentation of the driver
    a[last] = (...r: any[]) => {
      record();
      return callback(...r);
    };
  }
  // biome-ignore lint/suspicious/noExplicitAny: instrumentation of the driver
  const result = (original as any).apply(this, a);
  if (result && typeof result.then === 'function') result.then(record, () => {});
  return result;
};

const database = await openBenchDatabase(driver, 'linli_bench_profile');
await migrate(database);
const tenantId = '370785';
await createTenant(database.db, { tenantId, name: '高密市' });
const tree = await buildSmallTree(database.db, tenantId, '高密市');
await createAccount(database.db, {
  tenantId,
  username: 'p.staff',
  password: 'Bench@2026x',
  grants: [{ role: 'community_staff', nodeId: tree.communities[0]!.id }],
});
const [noise] = await database.query<{ id: string }>("SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'noise'", [tenantId]);
const config = { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000_000, loginPerMinute: 1_000_000 } };
configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
const app = await buildApp({ deps: { database, db: database.db, cipher: new PersonalDataCipher(Buffer.alloc(32, 9)), config } });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'p.staff', password: 'Bench@2026x' }),
});
const headers = {
  cookie: login.headers.getSetCookie()[0]!.split(';')[0]!,
  'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken,
  'content-type': 'application/json',
};
const submit = async (i: number) => {
  const res = await fetch(`${base}/api/v1/demands`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      channel: 'hotline_12345',
      type: 'complaint',
      categoryId: noise!.id,
      description: `楼上装修电钻声从早响到晚（${i}）`,
      nodeId: tree.households[i % 8]!.id,
      reporter: { kind: 'caller', phone: '13800001111' },
    }),
  });
  if (res.status !== 201) throw new Error(`${res.status} ${await res.text()}`);
  await res.text();
};
for (let i = 0; i < 20; i++) await submit(i);
const n = 300;
recording = true;
const t = performance.now();
for (let i = 0; i < n; i++) await submit(i);
const total = (performance.now() - t) / n;
recording = false;
let inSql = 0;
console.log(`${driver}: ${n} sequential submissions, ${total.toFixed(2)} ms each (${Math.round(1000 / total)}/s)`);
for (const [text, e] of [...timings].sort((a, b) => b[1].ms - a[1].ms)) {
  inSql += e.ms / n;
  console.log(`  ${(e.n / n).toFixed(2)}× ${(e.ms / e.n).toFixed(2).padStart(6)} ms  ${text}`);
}
console.log(`  in SQL ${inSql.toFixed(2)} ms, elsewhere ${(total - inSql).toFixed(2)} ms per request`);
if (explain && lastWrite) {
  // The intake write's plan with planning and execution time (rolled back).
  await database.withConnection(async (conn) => {
    await conn.query('BEGIN');
    // The same statement again: the captured demand is removed first inside the rolled-back transaction.
    const id = lastWrite!.values.find((v) => typeof v === 'string' && /^[0-9a-f]{8}-/.test(v));
    await conn.query('DELETE FROM outbox_event WHERE aggregate_id = $1', [id]);
    await conn.query('DELETE FROM demand_event WHERE demand_id = $1', [id]);
    await conn.query('DELETE FROM demand WHERE id = $1', [id]);
    const plan = await conn.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, SUMMARY) ${lastWrite!.text}`, lastWrite!.values);
    await conn.query('ROLLBACK');
    console.log(plan.map((r) => r['QUERY PLAN']).join('\n'));
  });
}
await app.close();
await database.close();
