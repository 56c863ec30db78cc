import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HotspotRepository } from './hotspot.repository.ts';
import { candidateMinimum, findHotspots } from './hotspots.ts';
import { insertDemands, type RawDemand } from './testing.ts';

// demand_place_month (migration 0023) is kept by statement-level triggers on demand. After every
// kind of write it must equal a recount of the demand rows, and the hot-spot counts read from it
// must equal those counted from the demand rows.

let database: Database;
let world: DemandWorld;
let ids: string[];
const id = (i: number) => ids[i] as string;

const mid = (month: string) => new Date(`${month}-15T12:00:00+08:00`);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  const h = world.tree.households;
  const spread: RawDemand[] = Array.from({ length: 30 }, (_, i) => ({
    text: `第${i}件`,
    category: ['illegal_parking', 'noise', 'garbage'][i % 3] as string,
    nodeId: h[(i * 5) % h.length]!.id,
    submittedAt: mid(`2026-0${1 + (i % 6)}`),
  }));
  ids = await insertDemands(database.db, world, [
    ...spread,
    { text: '月末', category: 'noise', nodeId: h[0]!.id, submittedAt: new Date('2026-05-31T23:30:00+08:00') },
    { text: '驳回', category: 'noise', nodeId: h[0]!.id, submittedAt: mid('2026-05'), status: 'rejected' },
    // Demands placed above a compound count at their own node.
    { text: '社区', category: 'garbage', nodeId: world.tree.communities[1]!.id, submittedAt: mid('2026-05') },
  ]);
});
afterAll(() => database?.close());

async function mismatches(): Promise<unknown[]> {
  return rows(
    database.db,
    sql`WITH recount AS (
          SELECT tenant_id, to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
            subpath(node_path, 0, least(nlevel(node_path), 4))::text AS place, category_id, count(*)::int AS n
          FROM demand WHERE status NOT IN ('merged', 'rejected') GROUP BY 1, 2, 3, 4),
        stored AS (
          SELECT tenant_id, month, place_path::text AS place, category_id, demands AS n FROM demand_place_month WHERE demands <> 0)
        SELECT * FROM recount r FULL JOIN stored s USING (tenant_id, month, place, category_id) WHERE r.n IS DISTINCT FROM s.n`,
  );
}

const query = (depth: number) => ({ tenantId: world.tenantId, rootPath: world.tree.county.path, depth, from: '2025-12', to: '2026-06' });
const sorted = <T>(list: T[]) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe('demand_place_month', () => {
  it('counts demands inserted many to a statement, without the rejected, by Shanghai month', async () => {
    expect(await mismatches()).toEqual([]);
  });

  it('follows status (merged, rejected and back), category, place, time of submission and deletion', async () => {
    const db = database.db;
    await db.execute(sql`UPDATE demand SET status = 'merged', merged_into_id = ${id(0)} WHERE id IN (${id(1)}, ${id(2)})`);
    expect(await mismatches()).toEqual([]);
    await db.execute(sql`UPDATE demand SET status = 'rejected' WHERE id = ${id(3)}`);
    await db.execute(sql`UPDATE demand SET status = 'submitted' WHERE id = ${id(31)}`);
    expect(await mismatches()).toEqual([]);
    await db.execute(sql`UPDATE demand SET category_id = ${world.categories.fire_lane} WHERE id IN (${id(4)}, ${id(5)})`);
    const target = world.tree.households[40]!;
    await db.execute(sql`UPDATE demand SET node_id = ${target.id}, node_path = ${target.path}::ltree WHERE id = ${id(6)}`);
    await db.execute(sql`UPDATE demand SET submitted_at = submitted_at - interval '40 days' WHERE id IN (${id(7)}, ${id(8)})`);
    expect(await mismatches()).toEqual([]);
    // A change that does not move a count (the title) leaves it alone.
    await db.execute(sql`UPDATE demand SET title = title || '。' WHERE tenant_id = ${world.tenantId}`);
    expect(await mismatches()).toEqual([]);
    await db.execute(sql`DELETE FROM demand WHERE id IN (${id(9)}, ${id(10)})`);
    expect(await mismatches()).toEqual([]);
  });

  it('gives the hot-spot counts of a county by compound and by community from its rows, equal to the demand rows', async () => {
    const repo = new HotspotRepository(database.db);
    for (const depth of [3, 4]) {
      const spy = vi.spyOn(database.db, 'execute');
      const fromRollup = await repo.monthlyCounts(query(depth));
      const texts = spy.mock.calls.map(([q]) => JSON.stringify(q));
      spy.mockRestore();
      expect(texts.some((t) => t.includes('demand_place_month'))).toBe(true);
      const recount = await rows<{ node_id: string; category_id: string; month: string; n: number }>(
        database.db,
        sql`SELECT p.id AS node_id, d.category_id, to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS n
            FROM demand d JOIN territory_node p ON p.tenant_id = d.tenant_id AND p.path = subpath(d.node_path, 0, least(nlevel(d.node_path), ${depth}))
            WHERE d.tenant_id = ${world.tenantId} AND d.status NOT IN ('merged', 'rejected')
              AND d.submitted_at >= '2025-12-01T00:00:00+08:00' AND d.submitted_at < '2026-07-01T00:00:00+08:00'
            GROUP BY 1, 2, 3`,
      );
      expect(recount.length).toBeGreaterThan(5);
      expect(sorted(fromRollup.map((c) => ({ node_id: c.territoryId, category_id: c.categoryId, month: c.month, n: c.count })))).toEqual(
        sorted(recount),
      );
    }
  });

  it('reads only the series that can be hot spots of the month, and finds the same hot spots as from every series', async () => {
    const h = world.tree.households;
    const burst = (n: number, category: string, nodeId: string, month: string): RawDemand[] =>
      Array.from({ length: n }, (_, i) => ({ text: `${month}第${i}件`, category, nodeId, submittedAt: mid(month) }));
    await insertDemands(database.db, world, [
      ...burst(6, 'noise', h[0]!.id, '2026-06'),
      ...['2026-04', '2026-05', '2026-06'].flatMap((m) => burst(3, 'garbage', h[9]!.id, m)),
      ...['2026-04', '2026-05', '2026-06'].flatMap((m) => burst(2, 'garbage', h[20]!.id, m)),
      ...burst(2, 'illegal_parking', h[33]!.id, '2026-06'),
      ...burst(2, 'illegal_parking', h[34]!.id, '2026-06'),
    ]);
    expect(await mismatches()).toEqual([]);
    const repo = new HotspotRepository(database.db);
    for (const depth of [3, 4]) {
      for (const month of ['2026-05', '2026-06']) {
        const q = { ...query(depth), to: month };
        const every = await repo.monthlyCounts(q);
        const some = await repo.monthlyCounts({ ...q, candidates: { month, atLeast: candidateMinimum() } });
        expect(some.length).toBeLessThan(every.length);
        const found = findHotspots(some, { month });
        expect(found).toEqual(findHotspots(every, { month }));
        if (month === '2026-06') expect(found.length).toBeGreaterThan(0);
      }
    }
  });
});
