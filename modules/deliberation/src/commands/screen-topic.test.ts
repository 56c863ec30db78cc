import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenTopicBody } from '../contract.ts';
import { buildTopicWorld, refusal, type TopicWorld } from '../topic-testing.ts';
import { screenTopic } from './screen-topic.ts';

let database: Database;
let world: TopicWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
});
afterAll(() => database.close());

const screen = (topic: { id: string; version: number }, body: Omit<ScreenTopicBody, 'version'>, ctx = world.ctx.community) =>
  database.db.transaction((tx) => screenTopic(tx, testCipher, ctx, topic.id, { ...body, version: topic.version }));

describe('screenTopic', () => {
  it('admits a topic with a kind of the allowed list', async () => {
    const topic = await world.submit();
    const screened = await screen(topic, { outcome: 'admissible', kindCode: 'safety' });
    expect(screened).toMatchObject({ status: 'admissible', kindCode: 'safety', kindName: '安全隐患排查与监测', version: 2 });
    expect(screened.timeline.map((e) => e.action)).toEqual(['submit', 'screen']);
    expect(screened.allowedActions).toContain('pool');
  });

  it('refuses a kind of the other list, an unknown kind, and an exclusion without a reason; nothing changes', async () => {
    const topic = await world.submit();
    expect(await refusal(screen(topic, { outcome: 'admissible', kindCode: 'religion_ethnic' }))).toBe('deliberation.kind_on_other_list');
    expect(await refusal(screen(topic, { outcome: 'excluded', kindCode: 'parking', reason: '不是' }))).toBe(
      'deliberation.kind_on_other_list',
    );
    expect(await refusal(screen(topic, { outcome: 'admissible', kindCode: 'nothing_like_it' }))).toBe('deliberation.unknown_kind');
    expect(await refusal(screen(topic, { outcome: 'excluded', kindCode: 'personnel' }))).toBe('deliberation.reason_required');
    const [row] = await database.query<{ status: string; version: number }>(
      'SELECT status, version FROM deliberation_topic WHERE id = $1',
      [topic.id],
    );
    expect(row).toEqual({ status: 'submitted', version: 1 });
  });

  it('turns a government matter into a demand in the closed loop, linked both ways', async () => {
    const topic = await world.submit({ title: '小区门口路灯不亮', source: 'wish_box' });
    expect(await refusal(screen(topic, { outcome: 'excluded', kindCode: 'government_duty', reason: '属于城管部门职责' }))).toBe(
      'deliberation.redirect_needs_category',
    );
    const categoryId = Object.values(world.categories)[0]!;
    const excluded = await screen(topic, {
      outcome: 'excluded',
      kindCode: 'government_duty',
      reason: '属于城管部门职责',
      demandCategoryId: categoryId,
    });
    expect(excluded).toMatchObject({ status: 'excluded', redirect: 'demand', exclusionReason: '属于城管部门职责' });
    expect(excluded.redirectDemandId).not.toBeNull();
    const [demand] = await database.query<{ channel: string; title: string; status: string }>(
      'SELECT channel, title, status FROM demand WHERE id = $1',
      [excluded.redirectDemandId],
    );
    expect(demand).toEqual({ channel: 'wish_box', title: '小区门口路灯不亮', status: 'submitted' });
    const events = await database.query<{ action: string; data: { topicId: string } }>(
      'SELECT action, data FROM demand_event WHERE demand_id = $1 ORDER BY seq',
      [excluded.redirectDemandId],
    );
    expect(events.map((e) => e.action)).toEqual(['submit', 'from_deliberation']);
    expect(events[1]?.data.topicId).toBe(topic.id);
  });

  it('sends a private dispute to mediation (三官一律), recorded on the topic', async () => {
    const topic = await world.submit({ title: '楼上漏水赔偿纠纷' });
    const excluded = await screen(topic, { outcome: 'excluded', kindCode: 'private_dispute', reason: '私人纠纷' });
    expect(excluded).toMatchObject({
      status: 'excluded',
      redirect: 'mediation',
      redirectNote: '转三官一律工作室调解',
      redirectDemandId: null,
    });
    expect(excluded.allowedActions).toEqual([]);
  });

  it('answers a topic outside the scope as not found, and a stale version as a conflict', async () => {
    const topic = await world.submit();
    expect(await refusal(screen(topic, { outcome: 'admissible', kindCode: 'safety' }, world.ctx.otherCommunity))).toBe('not_found');
    expect(await refusal(screen({ ...topic, version: 7 }, { outcome: 'admissible', kindCode: 'safety' }))).toBe(
      'deliberation.topic_changed_meanwhile',
    );
  });
});
