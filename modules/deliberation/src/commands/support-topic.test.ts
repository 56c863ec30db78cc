import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextOf, testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScopeRepository } from '../scope.repository.ts';
import { buildTopicWorld, refusal, type TopicWorld } from '../topic-testing.ts';
import { screenTopic } from './screen-topic.ts';
import { supportTopic } from './support-topic.ts';

let database: Database;
let world: TopicWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildTopicWorld(database.db);
  await new ScopeRepository(database.db).saveSettings(
    world.tenantId,
    { supportThreshold: 2, compoundDays: 5, communityDays: 10, subdistrictDays: 15 },
    world.ctx.county.actor.accountId,
  );
});
afterAll(() => database.close());

const support = (id: string, ctx = world.ctx.resident) => database.db.transaction((tx) => supportTopic(tx, ctx, id));

async function admitted() {
  const topic = await world.submit();
  return database.db.transaction((tx) =>
    screenTopic(tx, testCipher, world.ctx.community, topic.id, { version: 1, outcome: 'admissible', kindCode: 'parking' }),
  );
}

describe('supportTopic', () => {
  it('counts one support per household and puts the topic forward at the threshold, with its deadline', async () => {
    const topic = await admitted();
    expect(await support(topic.id)).toEqual({ supportCount: 1, status: 'admissible', pooled: false });
    // A second account of the same household adds nothing.
    const sameHousehold = (await contextOf(database.db, world.tenantId, 'resident', world.tree.households[0]!, 'spouse')).ctx;
    expect(await refusal(support(topic.id, sameHousehold))).toBe('deliberation.already_supported');
    expect(await support(topic.id, world.ctx.neighbour)).toEqual({ supportCount: 2, status: 'pooled', pooled: true });
    const [row] = await database.query<{ status: string; due: boolean; n: number }>(
      `SELECT status, due_at > now() AS due, (SELECT count(*)::int FROM deliberation_topic_support s WHERE s.topic_id = t.id) AS n
       FROM deliberation_topic t WHERE id = $1`,
      [topic.id],
    );
    expect(row).toEqual({ status: 'pooled', due: true, n: 2 });
    const events = await database.query<{ action: string; actor_name: string }>(
      'SELECT action, actor_name FROM deliberation_topic_event WHERE topic_id = $1 ORDER BY seq',
      [topic.id],
    );
    expect(events.at(-1)).toEqual({ action: 'pool', actor_name: 'system' });
  });

  it("takes support only for admitted topics of the household's own compound, from residents", async () => {
    const submitted = await world.submit();
    expect(await refusal(support(submitted.id))).toBe('deliberation.not_supportable');
    const topic = await admitted();
    expect(await refusal(support(topic.id, world.farResident))).toBe('not_found');
    expect(await refusal(support(topic.id, world.ctx.community))).toBe('deliberation.resident_only');
  });
});
