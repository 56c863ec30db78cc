import type { Database } from '@linli/db';
import { createTestDatabase, testDriver } from '@linli/db/testing';
import { rollupMismatches } from '@linli/territory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DeliberationBenchResult, runDeliberationBenchmark } from './deliberation.ts';

// The deliberation benchmark at tiny scale: the generated history is consistent and every number is
// produced. No timing assertions.
let database: Database;
let result: DeliberationBenchResult;

beforeAll(async () => {
  database = await createTestDatabase();
  result = await runDeliberationBenchmark({ database, driver: testDriver(), quick: true, topics: 300, rounds: 3 });
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe('deliberation benchmark (quick mode, tiny scale)', () => {
  it('reports every read with p50, p95 and its ratio to the baseline', () => {
    expect(result).toMatchObject({ scale: 'quick', driver: testDriver(), rounds: 3, page: 50 });
    expect(Object.keys(result.reads_ms)).toEqual([
      'board',
      'board_status_pooled',
      'board_status_closed',
      'board_level_subdistrict',
      'board_status_pooled_level_community',
      'board_overdue',
      'kpis',
    ]);
    for (const [name, t] of Object.entries(result.reads_ms)) {
      expect(t.p50, name).toBeGreaterThan(0);
      expect(t.p95, name).toBeGreaterThanOrEqual(t.p50);
      expect(t.ratio, name).toBeGreaterThan(0);
    }
    expect(result.baseline.p95).toBeGreaterThanOrEqual(result.baseline.p50);
    expect(result.board_p95_ms).toBeGreaterThanOrEqual(result.board_p50_ms);
    expect(result.kpis_p95_ms).toBe(result.reads_ms.kpis!.p95);
    // The KPIs' own statements, each named by the tables it reads, the topics among them.
    expect(result.kpis_statements_ms.length).toBeGreaterThanOrEqual(3);
    expect(result.kpis_statements_ms.some((s) => s.tables.includes('deliberation_topic'))).toBe(true);
    expect(result.board_counts_query).toMatch(/^none/);
  });

  it('generated topics in most states and every level, with their meetings and resolutions', () => {
    expect(result.data.topics).toBe(300);
    expect(result.data.neighbour_topics).toBe(150);
    expect(Object.keys(result.data.topics_by_status).length).toBeGreaterThanOrEqual(10);
    expect(Object.values(result.data.topics_by_status).reduce((a, b) => a + b, 0)).toBe(300);
    expect(Object.keys(result.data.topics_by_level).sort()).toEqual(['community', 'compound', 'subdistrict']);
    expect(result.data.events).toBeGreaterThan(result.data.topics);
    expect(result.data.meetings).toBeGreaterThan(0);
    expect(result.data.meeting_items).toBeGreaterThanOrEqual(result.data.meetings);
    expect(result.data.resolutions).toBeGreaterThan(0);
    expect(result.data.nodes).toMatchObject({ county: 1, subdistrict: 3, community: 9 });
  });

  it('keeps each topic consistent with its timeline, and the KPIs count the county alone', async () => {
    const [mismatch] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliberation_topic t
       WHERE t.status <> (SELECT e.to_status FROM deliberation_topic_event e
                          WHERE e.tenant_id = t.tenant_id AND e.topic_id = t.id ORDER BY e.seq DESC LIMIT 1)`,
    );
    expect(mismatch!.n).toBe(0);
    const [orphans] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM resolution r JOIN deliberation_topic t ON t.tenant_id = r.tenant_id AND t.id = r.topic_id
       WHERE t.decided_at IS NULL OR t.status NOT IN ('adopted', 'implementing', 'completed', 'evaluated', 'published', 'closed')`,
    );
    expect(orphans!.n).toBe(0);
    // Topics collected: submitted in the last 12 months (Shanghai days), merged duplicates not counted, this county only.
    const [collected] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliberation_topic WHERE tenant_id = '370785' AND status <> 'merged'
         AND submitted_at >= ((now() AT TIME ZONE 'Asia/Shanghai')::date - 365)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    );
    expect(result.kpis.topicsCollected).toBe(collected!.n);
    expect(result.kpis.meetings).toBeGreaterThan(0);
    // The subtree counts were built once after the tree was loaded with the triggers off: they match a recount.
    expect(await rollupMismatches(database.db, '370785')).toEqual([]);
  });
});
