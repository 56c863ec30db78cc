// Before/after of intake in one run: `node --import tsx bench/compare-intake.ts [--driver postgres]`.
// Three versions of a staff submission without Idempotency-Key, called in-process as the route
// calls them (no HTTP), alternating in rounds on the same database so all see the same load:
// - legacy: the command before the one-statement write (bench/lib/legacy-submit-demand.ts: 9
//   statements in the transaction);
// - tx: the one-statement write in a transaction, the tenant calendar's stamp read on its own
//   (BEGIN, lookup, stamp, write, COMMIT: the route until the autocommit change);
// - now: as the route runs it now, in autocommit with the stamp read in the lookup (lookup, write).
// Sequential and with 8 concurrent callers; submissions per second and ms p50/p95 per submission.

import { tenantCalendar } from '@linli/calendar';
import { type Actor, AuditKeys, configureAuditKeys, PersonalDataCipher, type RequestContext } from '@linli/core';
import { migrate } from '@linli/db';
import { contextOf } from '@linli/demands/testing';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import { submitDemand } from '../modules/demands/src/commands/submit-demand.ts';
import { loadAverage, openBenchDatabase, parseFlags, summarise } from './lib/harness.ts';
import { legacySubmitDemand } from './lib/legacy-submit-demand.ts';

const { driver } = parseFlags(process.argv.slice(2));
const rounds = 6;
const perRound = 40;
const workers = 8;
const database = await openBenchDatabase(driver, 'linli_bench_compare', workers + 2);
await migrate(database);
const tenantId = '370785';
await createTenant(database.db, { tenantId, name: '高密市' });
const tree = await buildSmallTree(database.db, tenantId, '高密市');
const { ctx } = await contextOf(database.db, tenantId, 'community_staff', tree.communities[0]!);
const [noise] = await database.query<{ id: string }>("SELECT id FROM demand_category WHERE tenant_id = $1 AND code = 'noise'", [tenantId]);
configureAuditKeys(new AuditKeys(Buffer.alloc(32, 9)));
const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
const input = (i: number) => ({
  channel: 'hotline_12345' as const,
  type: 'complaint' as const,
  categoryId: noise!.id,
  description: `楼上装修电钻声从早响到晚（${i}）`,
  nodeId: tree.households[i % 8]!.id,
  reporter: { kind: 'caller' as const, phone: '13800001111' },
});
type Variant = 'legacy' | 'tx' | 'now';
const names: Variant[] = ['legacy', 'tx', 'now'];
const actorCtx = ctx as RequestContext & { actor: Actor };
const variants: Record<Variant, (i: number) => Promise<unknown>> = {
  legacy: (i) => database.db.transaction((tx) => legacySubmitDemand(tx, cipher, actorCtx, input(i))),
  tx: (i) =>
    database.db.transaction(async (tx) => submitDemand(tx, cipher, actorCtx, input(i), { calendar: await tenantCalendar(tx, tenantId) })),
  now: (i) => submitDemand(database.db, cipher, actorCtx, input(i)),
};
const keys = names.flatMap((n) => [`${n} 1`, `${n} ${workers}`]);
const ms: Record<string, number[]> = Object.fromEntries(keys.map((k) => [k, []]));
const elapsed: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
let serial = 0;
const one = async (name: Variant, key: string) => {
  const t = performance.now();
  await variants[name](serial++);
  ms[key]!.push(performance.now() - t);
};
const load = await loadAverage();
for (const name of names) for (let i = 0; i < 10; i++) await one(name, `${name} 1`); // warm-up
for (const key of Object.keys(ms)) ms[key] = [];
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 === 0 ? names : [...names].reverse()) {
    let t = performance.now();
    for (let i = 0; i < perRound; i++) await one(name, `${name} 1`);
    elapsed[`${name} 1`]! += performance.now() - t;
    t = performance.now();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        for (let i = 0; i < perRound / 2; i++) await one(name, `${name} ${workers}`);
      }),
    );
    elapsed[`${name} ${workers}`]! += performance.now() - t;
  }
}
console.log(`${driver}: intake command legacy/tx/now, ${rounds} alternating rounds, load average ${load} → ${await loadAverage()}`);
for (const key of Object.keys(ms)) {
  const s = summarise(ms[key]!);
  console.log(
    `  ${key.padEnd(10)} caller(s)  ${String(Math.round((ms[key]!.length / elapsed[key]!) * 1000)).padStart(5)}/s   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms`,
  );
}
await database.close();
