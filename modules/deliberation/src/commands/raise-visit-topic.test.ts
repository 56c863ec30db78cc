import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVisitWorld, inQuarter, type VisitWorld } from '../visit-testing.ts';
import { raiseVisitTopic } from './raise-visit-topic.ts';

let database: Database;
let w: VisitWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildVisitWorld(database);
  await w.makePlans();
});
afterAll(() => database.close());

const raise = (visitId: string, ctx = w.ctx.grid, title = '楼道照明维修') =>
  database.db.transaction((tx) => raiseVisitTopic(tx, ctx, visitId, { title }, inQuarter));
const code = (p: Promise<unknown>) => p.then(() => 'ok').catch((e: AppError) => e.code);

describe('raiseVisitTopic', () => {
  it("takes what was raised into the pool as a home_visit topic of the household's compound, linked from the visit", async () => {
    const plan = await w.planOf(w.grids.a1.id);
    const visit = await w.visit(plan, { householdId: w.households.a1[1]!.id, raised: '楼道声控灯坏了，晚上看不清' });
    const { visit: linked, topic } = await raise(visit.id);
    expect(topic).toMatchObject({
      source: 'home_visit',
      title: '楼道照明维修',
      description: '楼道声控灯坏了，晚上看不清',
      level: 'compound',
    });
    expect(topic.sourceNote).toContain('一网格');
    expect(linked).toMatchObject({ id: visit.id, topicId: topic.id, topicNumber: topic.number });
    const [stored] = await database.query<{ source: string; node_id: string }>(
      'SELECT source, node_id FROM deliberation_topic WHERE id = $1',
      [topic.id],
    );
    expect(stored).toEqual({ source: 'home_visit', node_id: w.tree.a.compound.id });
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'deliberation.visit.raise_topic' AND target_id = $1",
      [visit.id],
    );
    expect(audit?.n).toBe(1);
    // Once per visit.
    expect(await code(raise(visit.id))).toBe('conflict');
  });

  it('refuses a visit that raised nothing, and a visit outside the caller scope as unknown', async () => {
    const plan = await w.planOf(w.grids.a1.id);
    const quiet = await w.visit(plan, { householdId: w.households.a1[0]!.id });
    expect(await code(raise(quiet.id))).toBe('conflict');
    const other = await w.visit(await w.planOf(w.grids.b1.id), { householdId: w.households.b1[0]!.id, raised: '想加装电梯' }, w.ctx.b);
    expect(await code(raise(other.id))).toBe('not_found');
    const [topics] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM deliberation_topic WHERE source = 'home_visit'");
    expect(topics?.n).toBe(1);
  });
});
