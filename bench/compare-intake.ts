// Before/after of the intake write in one run: `node --import tsx bench/compare-intake.ts [--driver postgres]`.
// The command as it was (bench/lib/legacy-submit-demand.ts: 9 statements in the transaction) and
// as it is (submitDemand: 3), called in-process like the route does (one transaction per
// submission, no HTTP), alternating in rounds on the same database so both see the same machine
// load. Sequential and with 8 concurrent callers; submissions per second and ms p50 per submission.
import { type Actor, PersonalDataCipher, type RequestContext } from '@linli/core';
import { migrate } from '@linli/db';
import { contextOf } from '@linli/demands/testing';
import { buildSmallTree, createTenant } from '@linli/territory';
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
const cipher = new PersonalDataCipher(Buffer.alloc(32, 9));
const input = (i: number) => ({
  channel: 'hotline_12345' as const,
  type: 'complaint' as const,
  categoryId: noise!.id,
  description: `楼上装修电钻声从早响到晚（${i}）`,
  nodeId: tree.households[i % 8]!.id,
  reporter: { kind: 'caller' as const, phone: '13800001111' },
});
type Submit = (
  tx: Parameters<typeof submitDemand>[0],
  c: typeof cipher,
  x: RequestContext,
  body: ReturnType<typeof input>,
) => Promise<unknown>;
const variants: Record<'before' | 'after', Submit> = { before: legacySubmitDemand, after: submitDemand };
const ms: Record<string, number[]> = { 'before 1': [], 'after 1': [], [`before ${workers}`]: [], [`after ${workers}`]: [] };
const elapsed: Record<string, number> = { 'before 1': 0, 'after 1': 0, [`before ${workers}`]: 0, [`after ${workers}`]: 0 };
let serial = 0;
const one = async (name: keyof typeof variants, key: string) => {
  const t = performance.now();
  await database.db.transaction((tx) => variants[name](tx, cipher, ctx as RequestContext & { actor: Actor }, input(serial++)));
  ms[key]!.push(performance.now() - t);
};
const load = await loadAverage();
for (const name of ['before', 'after'] as const) for (let i = 0; i < 10; i++) await one(name, `${name} 1`); // warm-up
for (const key of Object.keys(ms)) ms[key] = [];
for (let r = 0; r < rounds; r++) {
  for (const name of r % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const)) {
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
console.log(`${driver}: intake command before/after, ${rounds} alternating rounds, load average ${load} → ${await loadAverage()}`);
for (const key of Object.keys(ms)) {
  const s = summarise(ms[key]!);
  console.log(
    `  ${key.padEnd(10)} caller(s)  ${String(Math.round((ms[key]!.length / elapsed[key]!) * 1000)).padStart(5)}/s   p50 ${s.p50.toFixed(1)} ms   p95 ${s.p95.toFixed(1)} ms`,
  );
}
await database.close();
