import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemands, type ScaleResult } from './generate-demands.ts';

let database: Database;
let world: DemandWorld;
let other: DemandWorld;
let first: ScaleResult;
const end = new Date('2026-06-30T12:00:00+08:00');

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  other = await buildDemandWorld(database.db, '532601');
  first = await generateDemands(database.db, { tenantId: world.tenantId, count: 400, years: 1, seed: 7, end, deferIndexes: true });
  await generateDemands(database.db, { tenantId: other.tenantId, count: 400, years: 1, seed: 7, end });
});
afterAll(() => database.close());

const q = <T>(query: ReturnType<typeof sql>) => rows<T>(database.db, query);

describe('generateDemands (bulk SQL demands for benchmarks and the demo)', () => {
  it('inserts the count with callbacks and timelines, before `end`, in states that match their timestamps', async () => {
    expect(first.inserted).toBe(400);
    expect(first.callbacks).toBeGreaterThan(200);
    expect(first.events).toBeGreaterThan(1000);
    const [bad] = await q<Record<string, number>>(sql`SELECT
        count(*) FILTER (WHERE submitted_at >= ${end.toISOString()}::timestamptz OR submitted_at < ${end.toISOString()}::timestamptz - interval '366 days')::int AS out_of_range,
        count(*) FILTER (WHERE (status = 'submitted') <> (responded_at IS NULL))::int AS response,
        count(*) FILTER (WHERE (status IN ('resolved', 'evaluated', 'closed')) <> (resolved_at IS NOT NULL))::int AS resolution,
        count(*) FILTER (WHERE (status = 'closed') <> (closed_at IS NOT NULL))::int AS closing,
        count(*) FILTER (WHERE (satisfaction IS NOT NULL) <> (evaluated_at IS NOT NULL))::int AS evaluation,
        count(*) FILTER (WHERE handling_path IS NOT NULL AND NOT node_path <@ handling_path)::int AS unit_outside,
        count(*) FILTER (WHERE dispatched_at IS NOT NULL AND handling_node_id IS NULL AND handling_department_id IS NULL)::int AS no_unit
      FROM demand WHERE tenant_id = ${world.tenantId}`);
    expect(bad).toEqual({ out_of_range: 0, response: 0, resolution: 0, closing: 0, evaluation: 0, unit_outside: 0, no_unit: 0 });
    const [timeline] = await q<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM demand d
      WHERE d.tenant_id = ${world.tenantId} AND (SELECT e.action FROM demand_event e WHERE e.tenant_id = d.tenant_id AND e.demand_id = d.id AND e.seq = 1) IS DISTINCT FROM 'submit'`);
    expect(timeline!.bad).toBe(0);
    const [callbacks] = await q<{ bad: number }>(sql`SELECT count(*)::int AS bad FROM demand_callback c
      JOIN demand d ON d.tenant_id = c.tenant_id AND d.id = c.demand_id WHERE d.resolved_at IS NULL OR c.at < d.resolved_at`);
    expect(callbacks!.bad).toBe(0);
    // demand.callback_at (migration 0014) is the time of the demand's first callback, NULL without one.
    const [flags] = await q<{ bad: number; called: number }>(sql`SELECT
        count(*) FILTER (WHERE d.callback_at IS DISTINCT FROM
          (SELECT min(c.at) FROM demand_callback c WHERE c.tenant_id = d.tenant_id AND c.demand_id = d.id))::int AS bad,
        count(d.callback_at)::int AS called
      FROM demand d WHERE d.tenant_id = ${world.tenantId}`);
    expect(flags!.bad).toBe(0);
    expect(flags!.called).toBeGreaterThan(0);
  });

  it('draws the same demands from the same seed, and keeps the GiST indexes it rebuilt', async () => {
    const content = (tenantId: string) =>
      q(sql`SELECT title, channel, urgency, status, level, submitted_at FROM demand WHERE tenant_id = ${tenantId} ORDER BY number`);
    expect(await content(world.tenantId)).toEqual(await content(other.tenantId));
    const [gist] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_indexes WHERE tablename = 'demand' AND indexdef LIKE '%USING gist%'`,
    );
    expect(gist!.n).toBeGreaterThanOrEqual(3);
  });

  it('continues the year counters, so later submissions get fresh numbers', async () => {
    await generateDemands(database.db, { tenantId: world.tenantId, count: 50, years: 0.1, seed: 8, end, timeline: false });
    const [numbers] = await q<{ n: number; distinct: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct FROM demand WHERE tenant_id = ${world.tenantId}`,
    );
    expect(numbers).toEqual({ n: 450, distinct: 450 });
    const [counter] = await q<{ value: number; max: number }>(sql`SELECT c.value::int,
        (SELECT max(split_part(number, '-', 2)::int) FROM demand WHERE tenant_id = c.tenant_id AND number LIKE '2026-%') AS max
      FROM counter c WHERE c.tenant_id = ${world.tenantId} AND c.name = 'demand:2026'`);
    expect(counter!.value).toBe(counter!.max);
  });

  it('adds its demands to the KPI rollups exactly as a rebuild from the rows computes them', async () => {
    const snapshot = async () => [
      await q(sql`SELECT month::text, place_path::text, level, unit_id::text, submitted, accepted, responded, responded_on_time, resolved, closed,
          resolved_on_time, evaluated, satisfied, round(handling_seconds::numeric, 3) AS handling_seconds, callback_covered
        FROM demand_kpi_month WHERE tenant_id = ${world.tenantId} ORDER BY 1, 2, 3, 4`),
      await q(sql`SELECT month::text, area_path::text, category_id::text, channel, level, submitted, accepted, responded, responded_on_time,
          resolved, closed, resolved_on_time, evaluated, satisfied, round(handling_seconds::numeric, 3) AS handling_seconds, callback_covered
        FROM demand_kpi_category_month WHERE tenant_id = ${world.tenantId} ORDER BY 1, 2, 3, 4, 5`),
    ];
    const added = await snapshot();
    expect(added[0]!.length).toBeGreaterThan(10);
    await database.db.execute(sql`SELECT demand_kpi_rebuild(${world.tenantId})`);
    expect(await snapshot()).toEqual(added);
  });

  it('refuses a count or period that makes no sense', async () => {
    await expect(generateDemands(database.db, { tenantId: world.tenantId, count: 0, years: 1, seed: 1 })).rejects.toThrow(/count/);
    await expect(generateDemands(database.db, { tenantId: world.tenantId, count: 5, years: 0, seed: 1 })).rejects.toThrow(/years/);
  });
});
