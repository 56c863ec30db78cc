import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDeliberationDemo } from './demo.ts';
import { topicTransitions } from './state-machine.ts';
import { buildTopicWorld } from './topic-testing.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTopicWorld(database.db);
  await seedDeliberationDemo({ database, cipher: testCipher, tenantId: '370785', shared: {}, progress: () => {} });
});
afterAll(() => database.close());

describe('deliberation demo', () => {
  it('seeds a few dozen topics over every state of the board, excluded ones redirected', async () => {
    const byStatus = await database.query<{ status: string; n: number }>(
      "SELECT status, count(*)::int AS n FROM deliberation_topic WHERE tenant_id = '370785' GROUP BY status",
    );
    const total = byStatus.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(30);
    const statuses = byStatus.map((r) => r.status);
    for (const s of ['submitted', 'pooled', 'scheduled', 'adopted', 'escalated', 'implementing', 'closed', 'excluded']) {
      expect(statuses).toContain(s);
    }
    const [unredirected] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM deliberation_topic WHERE status = 'excluded' AND (redirect IS NULL OR exclusion_reason IS NULL)",
    );
    expect(unredirected?.n).toBe(0);
  });

  it('keeps each topic coherent: support counts match the households, the timeline follows the state machine', async () => {
    const [mismatch] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM deliberation_topic t
       WHERE t.support_count <> (SELECT count(*) FROM deliberation_topic_support s WHERE s.tenant_id = t.tenant_id AND s.topic_id = t.id)`,
    );
    expect(mismatch?.n).toBe(0);
    const steps = await database.query<{ action: string; from_status: string | null; to_status: string; last: boolean; status: string }>(
      `SELECT e.action, e.from_status, e.to_status, t.status,
              e.seq = max(e.seq) OVER (PARTITION BY e.topic_id) AS last
       FROM deliberation_topic_event e JOIN deliberation_topic t ON t.tenant_id = e.tenant_id AND t.id = e.topic_id`,
    );
    for (const e of steps) {
      if (e.action === 'submit') continue;
      const rule = topicTransitions[e.action as keyof typeof topicTransitions];
      expect(rule.from, `${e.action} from ${e.from_status}`).toContain(e.from_status);
      expect(rule.to).toContain(e.to_status);
      if (e.last) expect(e.to_status).toBe(e.status);
    }
  });
});
