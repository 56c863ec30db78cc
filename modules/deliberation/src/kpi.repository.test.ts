import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KpiRepository } from './kpi.repository.ts';
import { buildTopicWorld, type TopicWorld } from './topic-testing.ts';

let database: Database;
let world: TopicWorld;

/** Noon in Shanghai of a March (or February) day of 2026. */
const day = (d: string) => `2026-${d}T04:00:00Z`;

interface Fixture {
  node: { id: string; path: string };
  level: string;
  status: string;
  submitted: string;
  decided?: string;
  resolved?: string;
  satisfaction?: number;
  events: [action: string, to: string, at: string][];
}

async function insert(f: Fixture) {
  const id = newId();
  await database.query(
    `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level, status,
       submitted_at, decided_at, resolved_at, satisfaction)
     VALUES ('370785', $1, $2, '议题', '说明', 'staff', $3, $4::ltree, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      `YT-${id.slice(-12)}`,
      f.node.id,
      f.node.path,
      f.level,
      f.status,
      day(f.submitted),
      f.decided ? day(f.decided) : null,
      f.resolved ? day(f.resolved) : null,
      f.satisfaction ?? null,
    ],
  );
  for (const [seq, [action, to, at]] of f.events.entries()) {
    await database.query(
      `INSERT INTO deliberation_topic_event (tenant_id, topic_id, seq, action, to_status, at) VALUES ('370785', $1, $2, $3, $4, $5)`,
      [id, seq + 1, action, to, day(at)],
    );
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
  const compound = world.tree.compounds[0]!;
  const community = world.tree.communities[0]!;
  const elsewhere = world.tree.compounds[4]!;
  // T1: decided after 4 days, carried through in March, satisfaction 0.9.
  await insert({
    node: compound,
    level: 'compound',
    status: 'closed',
    submitted: '03-02',
    decided: '03-06',
    resolved: '03-20',
    satisfaction: 0.9,
    events: [
      ['screen', 'admissible', '03-03'],
      ['deliberate', 'deliberated', '03-05'],
      ['decide', 'adopted', '03-06'],
    ],
  });
  // T2: adopted after 10 days, still being carried out.
  await insert({
    node: community,
    level: 'community',
    status: 'implementing',
    submitted: '03-04',
    decided: '03-14',
    events: [
      ['screen', 'admissible', '03-05'],
      ['deliberate', 'deliberated', '03-12'],
      ['decide', 'adopted', '03-14'],
    ],
  });
  // T3: excluded at screening.
  await insert({ node: compound, level: 'compound', status: 'excluded', submitted: '03-10', events: [['screen', 'excluded', '03-11']] });
  // T4: rejected after 8 days.
  await insert({
    node: compound,
    level: 'compound',
    status: 'rejected',
    submitted: '03-12',
    decided: '03-20',
    events: [
      ['screen', 'admissible', '03-13'],
      ['deliberate', 'deliberated', '03-19'],
      ['decide', 'rejected', '03-20'],
    ],
  });
  // T5: from February, resolved in March with satisfaction 0.7.
  await insert({
    node: compound,
    level: 'compound',
    status: 'evaluated',
    submitted: '02-20',
    decided: '02-25',
    resolved: '03-10',
    satisfaction: 0.7,
    events: [
      ['screen', 'admissible', '02-21'],
      ['deliberate', 'deliberated', '02-24'],
    ],
  });
  // T6: a merged duplicate is not collected.
  await insert({ node: compound, level: 'compound', status: 'merged', submitted: '03-15', events: [] });
  // T7: another community.
  await insert({
    node: elsewhere,
    level: 'compound',
    status: 'closed',
    submitted: '03-05',
    decided: '03-06',
    resolved: '03-07',
    satisfaction: 0.1,
    events: [
      ['screen', 'admissible', '03-05'],
      ['deliberate', 'deliberated', '03-06'],
    ],
  });
});
afterAll(() => database.close());

describe('deliberation KPIs', () => {
  it('match the hand-computed figures of a community in March', async () => {
    const community = world.tree.communities[0]!;
    const kpis = await new KpiRepository(database.db).kpis('370785', [world.tree.county.path], community.id, {
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(kpis).toMatchObject({
      topicsDeliberated: 3,
      topicsCollected: 4,
      topicsAdmitted: 3,
      topicsExcluded: 1,
      topicsDecided: 3,
      topicsResolved: 2,
      completionRate: 0.5,
      averageDaysToDecision: 7.3,
      byLevel: { compound: 3, community: 1, subdistrict: 0 },
    });
    expect(kpis.satisfactionRate).toBeCloseTo(0.8, 10);
  });

  it("keep to the caller's scope and the period", async () => {
    const repo = new KpiRepository(database.db);
    const mine = await repo.kpis('370785', [world.tree.communities[0]!.path], undefined, { from: '2026-03-01', to: '2026-03-31' });
    expect(mine.topicsCollected).toBe(4);
    const all = await repo.kpis('370785', [world.tree.county.path], undefined, { from: '2026-03-01', to: '2026-03-31' });
    expect(all.topicsCollected).toBe(5);
    const february = await repo.kpis('370785', [world.tree.communities[0]!.path], undefined, { from: '2026-02-01', to: '2026-02-28' });
    // T5 was adopted in February and carried through in March: its cohort is complete, its satisfaction counts in March.
    expect(february).toMatchObject({
      topicsCollected: 1,
      topicsDeliberated: 1,
      topicsResolved: 0,
      completionRate: 1,
      satisfactionRate: null,
    });
  });
});
