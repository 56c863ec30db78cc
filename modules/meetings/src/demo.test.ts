import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedMeetingsDemo } from './demo.ts';
import { countMeetings } from './queries.ts';
import { buildMeetingWorld, insertResidents } from './testing.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildMeetingWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildMeetingWorld(database);
  await insertResidents(database.db, world.tree.a.h101, ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
});
afterAll(() => database.close());

describe('meetings demo', () => {
  it('seeds councils with their seats and past meetings with attendance, a debated motion and minutes', async () => {
    await seedMeetingsDemo({ database, cipher: testCipher, tenantId: '370785', shared: {}, progress: () => {} });
    const councils = await database.query<{ level: string; seats: number }>(
      `SELECT c.level, (SELECT count(*)::int FROM council_seat s WHERE s.council_id = c.id) AS seats FROM council c
       WHERE c.tenant_id = '370785' ORDER BY c.level`,
    );
    expect(councils).toEqual([
      { level: 'community', seats: 7 },
      { level: 'compound', seats: 3 },
      { level: 'subdistrict', seats: 3 },
    ]);
    const closed = await database.query<{ n: number; minutes: number; present: number }>(
      `SELECT count(*)::int AS n, count(minutes)::int AS minutes,
         (SELECT count(*)::int FROM meeting_attendance) AS present FROM meeting WHERE status = 'closed'`,
    );
    expect(closed[0]?.n).toBeGreaterThanOrEqual(3);
    expect(closed[0]?.minutes).toBe(closed[0]?.n);
    expect(closed[0]?.present).toBeGreaterThan(closed[0]?.n ?? 0);
    const counts = await countMeetings(database.db, { tenantId: '370785', paths: [world.tree.county.path] }, {});
    expect(counts.total).toBe(closed[0]?.n);
    expect(counts.subdistrict).toBe(1);
  });
});
