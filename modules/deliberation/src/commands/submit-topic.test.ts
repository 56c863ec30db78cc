import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { submitTestDemand } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTopicWorld, refusal, type TopicWorld } from '../topic-testing.ts';

let database: Database;
let world: TopicWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
});
afterAll(() => database.close());

const code = refusal;

describe('submitTopic', () => {
  it('takes a staff topic into the compound bank with its source, timeline and audit', async () => {
    const topic = await world.submit({ source: 'bench_meeting', sourceNote: '3号楼板凳会' });
    expect(topic).toMatchObject({ status: 'submitted', level: 'compound', source: 'bench_meeting', supportCount: 0, version: 1 });
    expect(topic.number).toMatch(/^YT\d{4}-\d{5}$/);
    expect(topic.sources).toMatchObject([{ source: 'bench_meeting', note: '3号楼板凳会' }]);
    expect(topic.timeline.map((e) => [e.action, e.toStatus])).toEqual([['submit', 'submitted']]);
    expect(topic.allowedActions).toEqual(['screen', 'merge']);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'deliberation.topic.submit' AND target_id = $1",
      [topic.id],
    );
    expect(audit?.n).toBe(1);
    const community = await world.submit({ nodeId: world.tree.communities[0]!.id, title: '社区广场噪音' });
    expect(community.level).toBe('community');
  });

  it('carries a demand escalated to deliberation: linked, and shown on the demand timeline', async () => {
    const demand = await submitTestDemand(database.db, world);
    const topic = await world.submit({ demandId: demand.id, title: '小区停车难' });
    expect(topic).toMatchObject({ source: 'demand', demandId: demand.id });
    const rows = await database.query<{ action: string; note: string }>(
      'SELECT action, note FROM demand_event WHERE demand_id = $1 ORDER BY seq',
      [demand.id],
    );
    expect(rows.at(-1)).toEqual({ action: 'to_deliberation', note: `转入议事协商：议题 ${topic.number}` });
    expect(await code(world.submit({ demandId: demand.id }))).toBe('deliberation.demand_linked');
  });

  it('lets a resident propose for their own compound only, with staff fields refused', async () => {
    const mine = await world.submit({ title: '楼下绿地改停车位？' }, world.ctx.resident);
    expect(mine).toMatchObject({ source: 'resident', level: 'compound', status: 'submitted' });
    expect(mine.allowedActions).toEqual([]);
    expect(await code(world.submit({ nodeId: world.tree.compounds[1]!.id }, world.ctx.resident))).toBe('deliberation.not_own_compound');
    expect(await code(world.submit({ source: 'staff' }, world.ctx.resident))).toBe('invalid_input');
  });

  it('refuses a place outside the scope like an unknown one, and a place that is no bank', async () => {
    expect(await code(world.submit({ nodeId: world.tree.compounds[4]!.id }))).toBe('not_found');
    expect(await code(world.submit({ nodeId: world.tree.buildings[0]!.id }))).toBe('deliberation.not_a_topic_place');
    expect(await code(world.submit({ source: 'demand' }))).toBe('invalid_input');
  });
});
