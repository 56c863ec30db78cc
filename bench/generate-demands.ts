// A million-demand database to read plans against: `node --import tsx bench/generate-demands.ts [--count N] [--name DB]`.
// PostgreSQL only. Drops and creates the database (default `linli_bench_inbox`), loads the demo
// county, creates the benchmark's accounts (bench.staff0 in 秦家岭社区, bench.subdistrict in 朝阳街道,
// password Bench@2026x), generates the history as the demands benchmark does, runs ANALYZE and keeps
// the database, so `EXPLAIN ANALYZE` can be run against it with psql.
import { createAccount } from '@linli/accounts/testing';
import { AuditKeys, configureAuditKeys, PersonalDataCipher } from '@linli/core';
import { migrate } from '@linli/db';
import { generateDemands, loadDemo } from '@linli/demo';
import { openBenchDatabase } from './lib/harness.ts';

const args = process.argv.slice(2);
const count = args.includes('--count') ? Number(args[args.indexOf('--count') + 1]) : 1_000_000;
const name = args.includes('--name') ? args[args.indexOf('--name') + 1]! : 'linli_bench_inbox';
const log = (line: string) => process.stderr.write(`${line}\n`);
const database = await openBenchDatabase('postgres', name);
await migrate(database);
const tenantId = '370785';
configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
const t0 = performance.now();
await loadDemo({ database, cipher }, {});
log(`demo loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const pick = async (text: string) => {
  const [row] = await database.query<{ id: string }>(text, [tenantId]);
  if (!row) throw new Error(`not found: ${text}`);
  return row.id;
};
const communityId = await pick("SELECT id FROM territory_node WHERE tenant_id = $1 AND name = '秦家岭社区'");
const subdistrictId = await pick("SELECT id FROM territory_node WHERE tenant_id = $1 AND name = '朝阳街道'");
await createAccount(database.db, {
  tenantId,
  username: 'bench.staff0',
  password: 'Bench@2026x',
  grants: [{ role: 'community_staff', nodeId: communityId }],
});
await createAccount(database.db, {
  tenantId,
  username: 'bench.subdistrict',
  password: 'Bench@2026x',
  grants: [{ role: 'subdistrict_staff', nodeId: subdistrictId }],
});
const generated = await generateDemands(database.db, {
  tenantId,
  count,
  years: 3,
  seed: 2026,
  timelineDays: 30,
  onStep: (step, ms) => ms > 1000 && log(`  ${step}: ${(ms / 1000).toFixed(1)} s`),
});
log(`${generated.inserted} demands in ${(generated.ms / 1000).toFixed(1)} s`);
// demand.callback_at (migration 0014) must agree with the callbacks: the 待回访 tab reads it.
const [flags] = await database.query<{ bad: number }>(
  `SELECT count(*)::int AS bad FROM demand d LEFT JOIN (SELECT tenant_id, demand_id, min(at) AS first_at FROM demand_callback
     GROUP BY tenant_id, demand_id) c ON c.tenant_id = d.tenant_id AND c.demand_id = d.id
   WHERE d.tenant_id = $1 AND d.callback_at IS DISTINCT FROM c.first_at`,
  [tenantId],
);
if (flags!.bad > 0) throw new Error(`${flags!.bad} demands whose callback_at disagrees with demand_callback`);
await database.exec('ANALYZE');
log(`kept ${name}: community ${communityId}, subdistrict ${subdistrictId}`);
await database.close();
