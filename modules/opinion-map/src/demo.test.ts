import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, testCipher } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOpinionMapDemo } from './demo.ts';
import { MapRepository } from './map.repository.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
});
afterAll(() => database.close());

describe('opinion-map demo', () => {
  it('seeds 小区停车收费方案 in the demo resident’s compound, with opinion groups and shared statements already computed', async () => {
    await seedOpinionMapDemo({
      database,
      cipher: testCipher,
      tenantId: '370785',
      shared: { plan: { anchors: { household: tree.a.h101 } }, accountIds: new Map() },
      progress: () => undefined,
    });
    const [conversation] = await database.query<{ id: string; node_id: string; title: string }>(
      'SELECT id, node_id, title FROM opinion_conversation',
    );
    expect(conversation).toMatchObject({ node_id: tree.a.compound.id, title: '小区停车收费方案' });
    const map = await new MapRepository(database.db).get('370785', conversation!.id);
    if (map?.result.status !== 'ready') throw new Error('the demo map is not ready');
    expect(map.result.eligibleParticipants).toBe(48);
    expect([2, 3]).toContain(map.result.k);
    const [fireLane] = await database.query<{ id: string }>("SELECT id FROM opinion_statement WHERE body LIKE '消防通道%'");
    expect(map.result.consensus.map((c) => c.statementId)).toContain(fireLane?.id);
    const statuses = await database.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM opinion_statement GROUP BY status ORDER BY status',
    );
    expect(statuses).toEqual([
      { status: 'approved', n: 16 },
      { status: 'pending', n: 1 },
      { status: 'rejected', n: 1 },
    ]);
  });
});
