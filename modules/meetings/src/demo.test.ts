import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/people/testing';
import { sql } from 'drizzle-orm';
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

  it('holds the joint meetings (联席会议) a county profile counts, by level, on councils of that kind', async () => {
    await database.db.execute(
      sql`TRUNCATE meeting_turn, meeting_motion, meeting_attendance, meeting_invitee, meeting_item, meeting, council_seat, council CASCADE`,
    );
    const profile = {
      deliberation: { meetings: { compound: 2, community: 1, subdistrict: 1 } },
      property: { jointMeetings: { county: 3, subdistrict: 2, community: 5 } },
    };
    await seedMeetingsDemo({ database, cipher: testCipher, tenantId: '370785', shared: { profile }, progress: () => {} });
    const scope = { tenantId: '370785', paths: [world.tree.county.path] };
    const joint = await countMeetings(database.db, scope, { kind: 'joint_meeting' });
    expect({ county: joint.county, subdistrict: joint.subdistrict, community: joint.community, compound: joint.compound }).toEqual({
      county: 3,
      subdistrict: 2,
      community: 5,
      compound: 0,
    });
    const all = await countMeetings(database.db, scope, {});
    // The street councils are the street joint meetings; the community's own council holds its one meeting besides.
    expect({ compound: all.compound, community: all.community, subdistrict: all.subdistrict, county: all.county }).toEqual({
      compound: 2,
      community: 6,
      subdistrict: 2,
      county: 3,
    });
    const kinds = await database.query<{ level: string; kind: string }>(
      `SELECT level, kind FROM council WHERE tenant_id = '370785' AND kind = 'joint_meeting' ORDER BY level`,
    );
    expect(kinds.map((k) => k.level)).toEqual(['community', 'county', 'subdistrict']);
  });
});
