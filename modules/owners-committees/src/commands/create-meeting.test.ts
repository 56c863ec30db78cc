import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMeetingWorld, committeeWith, daysFromToday } from '../testing.ts';
import { createMeeting } from './create-meeting.ts';

let database: Database;
let w: Awaited<ReturnType<typeof buildMeetingWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  w = await buildMeetingWorld(database.db);
});
afterAll(() => database.close());

const body = (compoundId: string, over = {}) => ({
  compoundId,
  kind: 'regular' as const,
  voteFrom: daysFromToday(20),
  voteUntil: daysFromToday(30),
  matters: [
    { kind: 'property_company' as const, title: '续聘物业服务企业' },
    { kind: 'fund_use' as const, title: '使用维修资金更换电梯' },
  ],
  ...over,
});
const fail = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: AppError) => e,
  );

describe('createMeeting', () => {
  it('drafts the agenda with each matter’s Art. 278 rule; the street or community convenes where no committee serves', async () => {
    const m = await database.db.transaction((tx) => createMeeting(tx, w.staffA, body(w.compound.id, { kind: 'first' })));
    expect(m).toMatchObject({ status: 'draft', convener: 'community', committeeId: null, title: '和园小区首次业主大会', matters: 2 });
    expect(m.matterList.map((x) => [x.position, x.kind, x.rule, x.ballotId])).toEqual([
      [1, 'property_company', 'art278_ordinary', null],
      [2, 'fund_use', 'art278_major', null],
    ]);
  });

  it('is convened by the owners’ committee where one serves, which also rules out a first meeting', async () => {
    const committeeId = await committeeWith(
      database.db,
      w.staffA,
      { compoundId: w.tree.a.compound.id, kind: 'owners_committee', formedOn: '2024-05-01' },
      [],
    );
    const m = await database.db.transaction((tx) => createMeeting(tx, w.staffA, body(w.tree.a.compound.id)));
    expect(m).toMatchObject({ convener: 'owners_committee', committeeId });
    const first = await fail(database.db.transaction((tx) => createMeeting(tx, w.staffA, body(w.tree.a.compound.id, { kind: 'first' }))));
    expect(first?.message).toBe("凤凰小区 already has an owners' committee: its meetings are regular or extraordinary");
  });

  it('refuses bad dates, a place that is not a compound, and another community’s compound like an unknown one', async () => {
    const dates = await fail(
      database.db.transaction((tx) =>
        createMeeting(tx, w.staffA, body(w.compound.id, { voteFrom: daysFromToday(30), voteUntil: daysFromToday(20) })),
      ),
    );
    expect(dates?.details).toEqual([{ field: 'voteUntil', reason: 'is before voteFrom' }]);
    const notCompound = await fail(database.db.transaction((tx) => createMeeting(tx, w.staffA, body(w.tree.a.community.id))));
    expect(notCompound?.code).toBe('invalid_input');
    const other = await fail(database.db.transaction((tx) => createMeeting(tx, w.staffA, body(w.tree.b.compound.id))));
    expect(other?.code).toBe('not_found');
    const [n] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM owners_meeting WHERE tenant_id = '370785'");
    expect(n?.n).toBe(2);
  });
});
