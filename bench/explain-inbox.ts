// Times and explains every inbox tab on a kept benchmark database (see generate-demands.ts):
// `node --import tsx bench/explain-inbox.ts [--name DB] [--rounds N] [--explain]`.
// For the community worker (秦家岭社区) and the subdistrict official (朝阳街道): each tab's first page
// (limit 20) and its capped total, as GET /api/v1/demands runs them (DemandRepository.list + count),
// p50/p95 over the rounds; with --explain, EXPLAIN (ANALYZE, BUFFERS) of both statements.
import type { Actor } from '@linli/core';
import { createDatabase } from '@linli/db';
import { DemandRepository } from '@linli/demands';
import pg from 'pg';
import { inboxTabs } from '../modules/demands/src/contract.ts';
import { summarise } from './lib/harness.ts';

const args = process.argv.slice(2);
const name = args.includes('--name') ? args[args.indexOf('--name') + 1]! : 'linli_bench_inbox';
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 20;
const explain = args.includes('--explain');
const only = args.includes('--tab') ? args[args.indexOf('--tab') + 1] : undefined;
let captured: { text: string; values: unknown[] }[] = [];
const original = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: instrumentation of the driver
(pg.Client.prototype as any).query = function (this: unknown, ...a: any[]) {
  const text = typeof a[0] === 'string' ? a[0] : a[0]?.text;
  captured.push({ text, values: a[0]?.values ?? a[1] ?? [] });
  // biome-ignore lint/suspicious/noExplicitAny: instrumentation of the driver
  return (original as any).apply(this, a);
};
const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
url.pathname = `/${name}`;
const database = await createDatabase({ url: url.toString() });
const tenantId = '370785';
const actorAt = async (username: string, role: 'community_staff' | 'subdistrict_staff', place: string): Promise<Actor> => {
  const [n] = await database.query<{ id: string; path: string }>(
    'SELECT id, path::text AS path FROM territory_node WHERE tenant_id = $1 AND name = $2',
    [tenantId, place],
  );
  const [a] = await database.query<{ id: string }>('SELECT id FROM account WHERE tenant_id = $1 AND username = $2', [tenantId, username]);
  return {
    accountId: a!.id,
    username,
    displayName: username,
    tenantId,
    grants: [{ id: 'g', role, nodeId: n!.id, path: n!.path }],
  };
};
const actors = {
  community: await actorAt('bench.staff0', 'community_staff', '秦家岭社区'),
  subdistrict: await actorAt('bench.subdistrict', 'subdistrict_staff', '朝阳街道'),
};
const repo = new DemandRepository(database.db);
for (const [who, actor] of Object.entries(actors)) {
  for (const tab of [undefined, ...inboxTabs].filter((t) => !only || t === only)) {
    const filter = tab ? { tab } : {};
    const ms: number[] = [];
    let total: number | undefined;
    let items = 0;
    for (let i = 0; i <= rounds; i++) {
      captured = [];
      const t = performance.now();
      const page = await repo.list(tenantId, actor, filter, { limit: 20 });
      total = await repo.count(tenantId, actor, filter);
      if (i > 0) ms.push(performance.now() - t);
      items = page.items.length;
    }
    const s = summarise(ms);
    console.log(
      `${who.padEnd(12)} ${(tab ?? 'all').padEnd(12)} p50 ${s.p50.toFixed(1).padStart(7)} ms  p95 ${s.p95.toFixed(1).padStart(7)} ms  page ${items}  total ${total ?? '2000+'}`,
    );
    if (explain) {
      const statements = captured;
      captured = [];
      for (const q of statements) {
        const plan = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values);
        console.log(plan.map((r) => `    ${r['QUERY PLAN']}`).join('\n'));
      }
    }
  }
}
await database.close();
