import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicDetail } from '../contract.ts';
import { buildTopicWorld, refusal, type TopicWorld } from '../topic-testing.ts';
import { addAdviser } from './add-adviser.ts';
import { escalateTopic } from './escalate-topic.ts';
import { mergeTopic } from './merge-topic.ts';
import { screenTopic } from './screen-topic.ts';
import { supportTopic } from './support-topic.ts';

let database: Database;
let world: TopicWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
});
afterAll(() => database.close());

async function admitted(input: Parameters<TopicWorld['submit']>[0] = {}): Promise<TopicDetail> {
  const topic = await world.submit(input);
  return database.db.transaction((tx) =>
    screenTopic(tx, testCipher, world.ctx.community, topic.id, { version: 1, outcome: 'admissible', kindCode: 'elevator' }),
  );
}

describe('transitionTopic', () => {
  it('carries a topic from the pool to closed, with a working-day deadline and the decision date', async () => {
    let t = await admitted();
    // Monday 2026-03-02 10:00 Shanghai: 10 working days (the compound bank's default) end Monday 03-16.
    const monday = new Date('2026-03-02T02:00:00Z');
    t = await world.step(t, { action: 'pool' }, world.ctx.community, monday);
    expect(t).toMatchObject({ status: 'pooled', dueAt: '2026-03-16T02:00:00.000Z', overdue: true });
    const meetingId = await world.meeting('3月议事会');
    t = await world.step(t, { action: 'schedule', note: '3月议事会', meetingId });
    t = await world.step(t, { action: 'deliberate' });
    expect(await refusal(world.step(t, { action: 'decide', to: 'closed' }))).toBe('invalid_input');
    t = await world.step(t, { action: 'decide', to: 'adopted' });
    expect(t).toMatchObject({ status: 'adopted', dueAt: null, overdue: false });
    expect(t.decidedAt).not.toBeNull();
    t = await world.step(t, { action: 'implement' });
    t = await world.step(t, { action: 'complete' });
    expect(await refusal(world.step(t, { action: 'evaluate' }))).toBe('invalid_input');
    t = await world.step(t, { action: 'evaluate', satisfaction: 0.9 });
    t = await world.step(t, { action: 'publish' });
    t = await world.step(t, { action: 'close' });
    expect(t.status).toBe('closed');
    expect(t.timeline.map((e) => e.toStatus)).toEqual([
      'submitted',
      'admissible',
      'pooled',
      'scheduled',
      'deliberated',
      'adopted',
      'implementing',
      'completed',
      'evaluated',
      'published',
      'closed',
    ]);
    const [audits] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE target_id = $1 AND action LIKE 'deliberation.topic.%'",
      [t.id],
    );
    expect(audits?.n).toBe(11);
    const [events] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1', [t.id]);
    expect(events?.n).toBe(11);
  });

  it('refuses a wrong state (409) and an outsider (404), changing nothing', async () => {
    const t = await admitted();
    expect(await refusal(world.step(t, { action: 'deliberate' }))).toBe('deliberation.topic_not_in_state');
    expect(await refusal(world.step(t, { action: 'pool' }, world.ctx.otherCommunity))).toBe('not_found');
    expect(await refusal(world.step(t, { action: 'pool' }, world.ctx.resident))).toBe('not_found');
  });
});

describe('scheduling a topic for a meeting', () => {
  const agenda = async (meetingId: string) =>
    database.query<{ subject_id: string | null; title: string }>(
      'SELECT subject_id, title FROM meeting_item WHERE meeting_id = $1 ORDER BY position',
      [meetingId],
    );

  it('puts the pooled topic on the meeting agenda in the same transition, whose timeline, audit and event name the meeting', async () => {
    let t = await admitted({ title: '楼道灯更换' });
    t = await world.step(t, { action: 'pool' });
    const meetingId = await world.meeting('五月居民议事会');
    t = await world.step(t, { action: 'schedule', meetingId });
    expect(t).toMatchObject({ status: 'scheduled', version: 4 });
    const items = await agenda(meetingId);
    expect(items).toEqual([{ subject_id: t.id, title: '楼道灯更换' }]);
    const entry = t.timeline.at(-1)!;
    expect(entry).toMatchObject({ action: 'schedule', fromStatus: 'pooled', toStatus: 'scheduled' });
    expect(entry.data).toMatchObject({ meetingId, meetingTitle: '五月居民议事会' });
    const [audit] = await database.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM audit_event WHERE target_id = $1 AND action = 'deliberation.topic.schedule'",
      [t.id],
    );
    expect(audit?.details).toMatchObject({ meetingId, meetingTitle: '五月居民议事会', to: 'scheduled' });
    const [event] = await database.query<{ payload: Record<string, unknown> }>(
      "SELECT payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'deliberation.topic_scheduled'",
      [t.id],
    );
    expect(event?.payload).toMatchObject({ meetingId, to: 'scheduled' });
  });

  it('refuses a topic of another community like an unknown one, and a topic not in the pool clearly, changing nothing', async () => {
    let t = await admitted({ title: '健身器材维修' });
    t = await world.step(t, { action: 'pool' });
    const meetingId = await world.meeting('六月居民议事会');
    expect(await refusal(world.step(t, { action: 'schedule', meetingId }, world.ctx.otherCommunity))).toBe('not_found');
    const notPooled = await admitted({ title: '垃圾分类亭' });
    expect(await refusal(world.step(notPooled, { action: 'schedule', meetingId }))).toBe('deliberation.topic_not_in_state');
    expect(await refusal(world.step(t, { action: 'schedule' }))).toBe('invalid_input');
    expect(await refusal(world.step(t, { action: 'pool', meetingId }))).toBe('invalid_input');
    // A meeting outside the caller's scope answers like an unknown one, and the topic stays pooled.
    const far = await world.meeting('外社区议事会', world.tree.communities[2]!.id);
    expect(await refusal(world.step(t, { action: 'schedule', meetingId: far }))).toBe('not_found');
    expect(await agenda(meetingId)).toEqual([]);
    expect(await agenda(far)).toEqual([]);
    const [row] = await database.query<{ status: string; version: number }>(
      'SELECT status, version FROM deliberation_topic WHERE id = $1',
      [t.id],
    );
    expect(row).toEqual({ status: 'pooled', version: t.version });
    const [n] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliberation_topic_event WHERE topic_id = $1 AND action = 'schedule'",
      [t.id],
    );
    expect(n?.n).toBe(0);
  });
});

describe('escalateTopic', () => {
  it('carries the record a level up each time, then makes it a red project beyond the street', async () => {
    let t = await admitted();
    const up = (topic: TopicDetail, reason: string, parties?: number) =>
      database.db.transaction((tx) => escalateTopic(tx, world.ctx.subdistrict, topic.id, { version: topic.version, reason, parties }));
    t = await up(t, '涉及两个小区');
    expect(t).toMatchObject({ status: 'escalated', level: 'community', redProject: false });
    expect(t.dueAt).not.toBeNull();
    t = await world.step(t, { action: 'pool' }, world.ctx.subdistrict);
    t = await up(t, '需街道协调');
    expect(t).toMatchObject({ level: 'subdistrict', redProject: false });
    t = await world.step(t, { action: 'pool' }, world.ctx.subdistrict);
    t = await up(t, '超出街道权限');
    expect(t).toMatchObject({ level: 'subdistrict', redProject: true, status: 'escalated' });
    expect(await refusal(up(t, '再提级'))).toBe('deliberation.topic_not_in_state');
    t = await world.step(t, { action: 'pool' }, world.ctx.subdistrict);
    expect(await refusal(up(t, '再提级'))).toBe('deliberation.topic_action_refused');
    expect(t.timeline.filter((e) => e.action === 'escalate').map((e) => e.data.toLevel)).toEqual([
      'community',
      'subdistrict',
      'subdistrict',
    ]);
  });

  it('makes a topic with many parties a red project, and records its advisers', async () => {
    let t = await admitted();
    t = await database.db.transaction((tx) =>
      escalateTopic(tx, world.ctx.community, t.id, { version: t.version, reason: '多方利益', parties: 6 }),
    );
    expect(t).toMatchObject({ level: 'community', redProject: true, parties: 6 });
    t = await database.db.transaction((tx) =>
      addAdviser(tx, world.ctx.community, t.id, { role: 'judge', name: '王法官', organisation: '高密市人民法院' }),
    );
    t = await database.db.transaction((tx) => addAdviser(tx, world.ctx.community, t.id, { role: 'lawyer', name: '李律师' }));
    expect(t.advisers.map((a) => [a.role, a.name, a.organisation])).toEqual([
      ['judge', '王法官', '高密市人民法院'],
      ['lawyer', '李律师', null],
    ]);
    expect(t.timeline.at(-1)).toMatchObject({ action: 'add_adviser', note: '李律师' });
    expect(
      await refusal(database.db.transaction((tx) => addAdviser(tx, world.ctx.otherCommunity, t.id, { role: 'judge', name: 'x' }))),
    ).toBe('not_found');
  });
});

describe('mergeTopic', () => {
  it('keeps one topic: the duplicate ends merged, its sources and supports move (a household counts once)', async () => {
    const keep = await admitted({ source: 'bench_meeting' });
    const dup = await admitted({ source: 'wish_box' });
    for (const [topic, ctx] of [
      [keep, world.ctx.resident],
      [dup, world.ctx.resident],
      [dup, world.ctx.neighbour],
    ] as const) {
      await database.db.transaction((tx) => supportTopic(tx, ctx, topic.id));
    }
    const merged = await database.db.transaction((tx) =>
      mergeTopic(tx, world.ctx.community, dup.id, { version: dup.version, intoId: keep.id, note: '同一车棚问题' }),
    );
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: keep.id, supportCount: 0, sources: [] });
    const [survivor] = await database.query<{ support_count: number; sources: string[] }>(
      `SELECT support_count, ARRAY(SELECT source FROM deliberation_topic_source s WHERE s.topic_id = t.id ORDER BY source) AS sources
       FROM deliberation_topic t WHERE id = $1`,
      [keep.id],
    );
    expect(survivor).toEqual({ support_count: 2, sources: ['bench_meeting', 'wish_box'] });
    const [absorb] = await database.query<{ action: string }>(
      'SELECT action FROM deliberation_topic_event WHERE topic_id = $1 ORDER BY seq DESC LIMIT 1',
      [keep.id],
    );
    expect(absorb?.action).toBe('absorb');
  });

  it('refuses merging into itself or into a finished topic', async () => {
    const t = await admitted();
    expect(
      await refusal(database.db.transaction((tx) => mergeTopic(tx, world.ctx.community, t.id, { version: t.version, intoId: t.id }))),
    ).toBe('deliberation.merge_into_self');
    const other = await world.submit();
    const gone = await database.db.transaction((tx) =>
      screenTopic(tx, testCipher, world.ctx.community, other.id, {
        version: 1,
        outcome: 'excluded',
        kindCode: 'personnel',
        reason: '人事',
      }),
    );
    expect(
      await refusal(database.db.transaction((tx) => mergeTopic(tx, world.ctx.community, t.id, { version: t.version, intoId: gone.id }))),
    ).toBe('deliberation.merge_target_closed');
  });
});
