import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeetingWorld, daysFromToday } from '../testing.ts';
import { createMeeting } from './create-meeting.ts';
import { openMeetingVote } from './open-meeting-vote.ts';
import { publishMeetingNotice } from './publish-meeting-notice.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildMeetingWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildMeetingWorld(database.db);
});
afterAll(() => database.close());

const draft = (voteFrom: string) =>
  database.db.transaction((tx) =>
    createMeeting(tx, w.staffA, {
      compoundId: w.compound.id,
      kind: 'first',
      voteFrom,
      voteUntil: daysFromToday(40),
      matters: [{ kind: 'management_rules', title: '制定管理规约' }],
    }),
  );
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: AppError) => e,
  );

describe('publishMeetingNotice', () => {
  it('needs the notice at least 15 days before the vote, and no date in the future', async () => {
    const m = await draft(daysFromToday(14));
    const short = await fail(database.db.transaction((tx) => publishMeetingNotice(tx, w.staffA, m.id, {})));
    expect(short?.message).toBe('The vote starts 14 day(s) after the notice; the notice must go up at least 15 days before');
    expect(short?.details).toEqual([{ field: 'noticeOn', reason: 'is 14 day(s) before the vote; at least 15 are required' }]);
    const future = await fail(database.db.transaction((tx) => publishMeetingNotice(tx, w.staffA, m.id, { noticeOn: daysFromToday(1) })));
    expect(future?.details).toEqual([{ field: 'noticeOn', reason: 'is in the future' }]);
    // Posted on the board a day earlier: 15 days.
    const noticed = await database.db.transaction((tx) => publishMeetingNotice(tx, w.staffA, m.id, { noticeOn: daysFromToday(-1) }));
    expect(noticed).toMatchObject({ status: 'noticed', noticeOn: daysFromToday(-1) });
    expect(noticed.noticeBody).toContain('制定管理规约');
    expect(await fail(database.db.transaction((tx) => publishMeetingNotice(tx, w.staffA, m.id, {})))).toMatchObject({ code: 'conflict' });
  });

  it('opens the vote only from its first day', async () => {
    const m = await draft(daysFromToday(15));
    await database.db.transaction((tx) => publishMeetingNotice(tx, w.staffA, m.id, {}));
    const early = await fail(database.db.transaction((tx) => openMeetingVote(tx, w.staffA, m.id)));
    expect(early?.message).toBe(`The vote starts on ${daysFromToday(15)}`);
  });
});
