import type { Database } from '@linli/db';
import { createTestDatabase, testDriver } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemandsBenchResult, runDemandsBenchmark } from './demands.ts';

// The demands benchmark at tiny scale: every number is produced and sane. No timing assertions.
let database: Database;
let result: DemandsBenchResult;

beforeAll(async () => {
  database = await createTestDatabase();
  result = await runDemandsBenchmark({ database, driver: testDriver(), quick: true, count: 400, writes: 16, rounds: 3 });
}, 240_000);
afterAll(async () => {
  await database?.close();
});

describe('demands benchmark (quick mode, tiny scale)', () => {
  it('reports every key of its JSON with positive numbers', () => {
    const keys = [
      'raw_insert_per_s',
      'intake_per_s',
      'intake_ratio',
      'inbox_p50_ms',
      'inbox_p95_ms',
      'dashboard_p50_ms',
      'dashboard_p95_ms',
      'classifier_accuracy',
      'classifier_cv_accuracy',
      'classifier_cv_examples',
    ] as const;
    expect(result).toMatchObject({ scale: 'quick', driver: testDriver() });
    for (const key of keys) {
      expect(typeof result[key], key).toBe('number');
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result.inbox_p95_ms).toBeGreaterThanOrEqual(result.inbox_p50_ms);
    expect(result.dashboard_p95_ms).toBeGreaterThanOrEqual(result.dashboard_p50_ms);
    expect(result.classifier_accuracy).toBeLessThanOrEqual(1);
    expect(result.classifier_accuracy_basis).toMatch(/^synthetic corpus/);
    // The retrain learned from the generated closed demands (the demo's texts) and chose its setting by cross-validation.
    expect(result.classifier_cv_accuracy).toBeLessThanOrEqual(1);
    expect(result.classifier_cv_setting).toMatchObject({ features: expect.any(String), variant: expect.any(String) });
    expect(result.classifier_cv_min_recall).toBeGreaterThanOrEqual(0);
    expect(result.intake_concurrent_per_s).toBeGreaterThan(0);
  });

  it('generated the requested demands and left the audit chain whole after intake', async () => {
    expect(result.demands).toBe(400);
    expect(result.audit_chain_ok).toBe(true);
    const [counts] = await database.query<{ generated: number; submitted: number; audited: number }>(
      `SELECT count(*) FILTER (WHERE created_by IS NULL)::int AS generated,
              count(*) FILTER (WHERE created_by IS NOT NULL)::int AS submitted,
              (SELECT count(*)::int FROM audit_event WHERE action = 'demand.submit') AS audited
       FROM demand`,
    );
    // Intake: 8 warm-up requests and two runs of 16, each one audited; the generator writes none.
    expect(counts).toEqual({ generated: 400, submitted: 40, audited: 40 });
  });

  it('numbers intake after the generated history of the year', async () => {
    const [row] = await database.query<{ last_generated: string | null; first_submitted: string }>(
      `SELECT max(number) FILTER (WHERE created_by IS NULL) AS last_generated, min(number) FILTER (WHERE created_by IS NOT NULL) AS first_submitted
       FROM demand WHERE left(number, 4) = (SELECT left(min(number), 4) FROM demand WHERE created_by IS NOT NULL)`,
    );
    // The history reaches today, so this year has generated numbers (unless run in its first days).
    if (row!.last_generated !== null) expect(row!.last_generated < row!.first_submitted).toBe(true);
    expect(row!.first_submitted).toMatch(/^\d{4}-\d{6}$/);
  });
});
