import { type AppError, newId, runWrite } from '@linli/core';
import type { Database, Tx } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilDetail } from '../contract.ts';
import { countMeetings, meetingDecisions } from '../queries.ts';
import { buildMeetingWorld, councilWithMembers, draftMeeting, insertResidents } from '../testing.ts';
import { addInvitees } from './add-invitees.ts';
import { cancelMeeting } from './cancel-meeting.ts';
import { checkInInvitee, checkInWithCode } from './check-in.ts';
import { closeMeeting } from './close-meeting.ts';
import { decideMotion } from './decide-motion.ts';
import { endSeat } from './end-seat.ts';
import { meetingDetail } from './meeting-detail.ts';
import { moveMotion } from './move-motion.ts';
import { openMeeting } from './open-meeting.ts';
import { publishNotice } from './publish-notice.ts';
import { recordMinutes } from './record-minutes.ts';
import { recordTurn } from './record-turn.ts';
import { scheduleAgendaItem } from './schedule-agenda-item.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildMeetingWorld>>;
let council: CouncilDetail;
let members: string[];

const code = (e: AppError) => (e.declared?.code ?? e.code) as string;
const write = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => runWrite(database.db, fn);

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildMeetingWorld(database);
  members = await insertResidents(database.db, world.tree.a.h101, ['委员一', '委员二', '委员三', '委员四', '委员五']);
  council = await councilWithMembers(
    database,
    world.staff,
    { nodeId: world.tree.a.community.id, level: 'community', name: '凤凰社区议事会' },
    members,
  );
});
afterAll(() => database.close());

describe('a meeting from notice to minutes', () => {
  it('publishes the notice through the outbox, checks in once per person, opens only with a quorum, debates and closes', async () => {
    const [affected] = await insertResidents(database.db, world.tree.a.h102, ['受影响居民']);
    const draft = await draftMeeting(database, world.staff, council.id);
    expect(draft.status).toBe('draft');
    expect(draft.invitees.filter((i) => i.kind === 'member')).toHaveLength(5);
    expect(draft.code).toMatch(/^\d{6}$/);
    const itemId = await write((tx) => scheduleAgendaItem(tx, world.staff, draft.id, { kind: 'renovation_project', title: '楼道改造' }));
    await write((tx) =>
      addInvitees(tx, world.staff, draft.id, [
        { kind: 'flexible', residentId: affected as string },
        { kind: 'adviser', name: '刘法官', affiliation: '市人民法院' },
      ]),
    );

    // Not yet published: no check-in.
    const early = await write((tx) => checkInInvitee(tx, world.staff, draft.id, draft.invitees[0]?.id as string)).catch((e: AppError) =>
      code(e),
    );
    expect(early).toBe('meetings.wrong_status');

    const published = await write((tx) => publishNotice(tx, world.staff, draft.id));
    expect(published.status).toBe('published');
    const events = await database.query<{ type: string; payload: { residentIds: string[]; items: unknown[] } }>(
      "SELECT type, payload FROM outbox_event WHERE aggregate_id = $1 AND type = 'meetings.notice_published'",
      [draft.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.payload.residentIds).toHaveLength(6);
    expect(events[0]?.payload.items).toHaveLength(2);
    expect(JSON.stringify(events[0]?.payload)).not.toContain('委员一');

    // Two of five members: below the quorum of three.
    const memberInvitees = published.invitees.filter((i) => i.kind === 'member');
    for (const i of memberInvitees.slice(0, 2)) await write((tx) => checkInInvitee(tx, world.staff, draft.id, i.id));
    const again = await write((tx) => checkInInvitee(tx, world.staff, draft.id, memberInvitees[0]?.id as string)).catch((e: AppError) =>
      code(e),
    );
    expect(again).toBe('meetings.already_checked_in');
    // The same member, checked in by staff, cannot check in again on the phone.
    const memberPhone = contextFor('370785', [{ role: 'resident', node: world.tree.a.h101 }], memberInvitees[0]?.name);
    const phoneAgain = await write((tx) => checkInWithCode(tx, memberPhone, draft.id, draft.code as string)).catch((e: AppError) =>
      code(e),
    );
    expect(phoneAgain).toBe('meetings.already_checked_in');
    const short = await write((tx) => openMeeting(tx, world.staff, draft.id)).catch((e: AppError) => [code(e), e.message]);
    expect(short).toEqual(['meetings.quorum_not_met', '2 of 5 members are present; 3 are needed to open the meeting']);

    // The affected resident checks in on the phone with the code, once.
    const resident = contextFor('370785', [{ role: 'resident', node: world.tree.a.h102 }], 'phone.user');
    const wrong = await write((tx) => checkInWithCode(tx, resident, draft.id, draft.code === '000000' ? '000001' : '000000')).catch(
      (e: AppError) => code(e),
    );
    expect(wrong).toBe('meetings.wrong_code');
    const byPhone = await write((tx) => checkInWithCode(tx, resident, draft.id, draft.code as string));
    expect(byPhone).toMatchObject({ name: '受影响居民', method: 'code', isMember: false });
    const twice = await write((tx) => checkInWithCode(tx, resident, draft.id, draft.code as string)).catch((e: AppError) => code(e));
    expect(twice).toBe('meetings.already_checked_in');
    // A resident of another community cannot reach the meeting.
    const stranger = contextFor('370785', [{ role: 'resident', node: world.tree.b.h101 }], 'stranger');
    const away = await write((tx) => checkInWithCode(tx, stranger, draft.id, draft.code as string)).catch((e: AppError) => e.code);
    expect(away).toBe('not_found');

    await write((tx) => checkInInvitee(tx, world.staff, draft.id, memberInvitees[2]?.id as string));
    const opened = await write((tx) => openMeeting(tx, world.staff, draft.id));
    expect(opened).toMatchObject({ status: 'open', presentAtOpen: 3, quorumNeeded: 3, membersExpected: 5 });

    // Robert's rules on the server: one motion at a time, alternate, two turns each, majority decides.
    const [a, b] = opened.attendance;
    const motion = await write((tx) => moveMotion(tx, world.staff, draft.id, { text: '同意加装电梯', mover: '委员一', itemId }));
    const second = await write((tx) => moveMotion(tx, world.staff, draft.id, { text: '另一个动议', mover: '委员二' })).catch(
      (e: AppError) => code(e),
    );
    expect(second).toBe('meetings.motion_open');
    const turn = (attendanceId: string, stance: 'for' | 'against', noOpposingSpeaker?: boolean) =>
      write((tx) => recordTurn(tx, world.staff, draft.id, motion.id, { attendanceId, stance, seconds: 110, noOpposingSpeaker }));
    await turn(a?.id as string, 'for');
    expect(await turn(b?.id as string, 'for').catch((e: AppError) => code(e))).toBe('meetings.must_alternate');
    await turn(b?.id as string, 'against');
    await turn(a?.id as string, 'for');
    await turn(b?.id as string, 'against');
    expect(await turn(a?.id as string, 'for').catch((e: AppError) => code(e))).toBe('meetings.turn_limit');
    const tooMany = await write((tx) => decideMotion(tx, world.staff, draft.id, motion.id, { votesFor: 3, votesAgainst: 2 })).catch(
      (e: AppError) => code(e),
    );
    expect(tooMany).toBe('meetings.votes_exceed_present');
    const decided = await write((tx) => decideMotion(tx, world.staff, draft.id, motion.id, { votesFor: 3, votesAgainst: 1 }));
    expect(decided).toMatchObject({ status: 'adopted', votesFor: 3 });
    expect(decided.turns.map((t) => t.stance)).toEqual(['for', 'against', 'for', 'against']);
    const closedTurn = await turn(b?.id as string, 'for').catch((e: AppError) => code(e));
    expect(closedTurn).toBe('meetings.no_open_motion');

    await write((tx) =>
      recordMinutes(tx, world.staff, draft.id, {
        minutes: '会议同意加装电梯，楼道改造暂缓。',
        items: [
          { id: published.items[0]?.id as string, decision: '同意加装', outcome: 'adopted' },
          { id: itemId, decision: '下次再议', outcome: 'deferred' },
        ],
      }),
    );
    const report = await write((tx) => closeMeeting(tx, world.staff, draft.id));
    expect(report).toMatchObject({ invited: 7, present: 4, membersExpected: 5, membersPresent: 3, quorumMet: true });
    expect(report.byKind).toEqual({
      member: { invited: 5, present: 3 },
      flexible: { invited: 1, present: 1 },
      adviser: { invited: 1, present: 0 },
    });
    expect(report.motions).toEqual({ adopted: 1, rejected: 0, withdrawn: 0 });

    const late = await write((tx) => scheduleAgendaItem(tx, world.staff, draft.id, { kind: 'topic', title: '会后补充' })).catch(
      (e: AppError) => code(e),
    );
    expect(late).toBe('meetings.wrong_status');
    const decisions = await meetingDecisions(database.db, world.staff, draft.id);
    expect(decisions?.map((d) => [d.title, d.outcome])).toEqual([
      ['3号楼加装电梯', 'adopted'],
      ['楼道改造', 'deferred'],
    ]);
    expect(await meetingDecisions(database.db, world.otherStaff, draft.id)).toBeUndefined();
    const closedEvents = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_event WHERE aggregate_id = $1 AND type = 'meetings.closed'",
      [draft.id],
    );
    expect(closedEvents[0]?.n).toBe(1);

    const counts = await countMeetings(
      database.db,
      { tenantId: '370785', paths: [world.tree.subdistrict.path] },
      { from: '2026-05-01', to: '2026-05-31' },
    );
    expect(counts).toMatchObject({ community: 1, compound: 0, total: 1 });
    const none = await countMeetings(database.db, { tenantId: '370785', paths: [world.tree.b.community.path] }, {});
    expect(none.total).toBe(0);
  });

  it('refuses to call a community council below five members, and hides meetings from another community', async () => {
    const small = await councilWithMembers(
      database,
      world.staff,
      { nodeId: world.tree.a.community.id, level: 'community', name: '缺员议事会' },
      members.slice(0, 4),
    );
    const draft = await draftMeeting(database, world.staff, small.id, '缺员会议');
    const refused = await write((tx) => publishNotice(tx, world.staff, draft.id)).catch((e: AppError) => code(e));
    expect(refused).toBe('meetings.council_too_small');
    expect((await meetingDetail(database.db, world.staff, draft.id))?.status).toBe('draft');
    expect(await meetingDetail(database.db, world.otherStaff, draft.id)).toBeUndefined();
    const other = await write((tx) => publishNotice(tx, world.otherStaff, draft.id)).catch((e: AppError) => e.code);
    expect(other).toBe('not_found');
    const foreign = contextFor('532601', [{ role: 'community_staff', node: world.tree.other.community }]);
    expect(await meetingDetail(database.db, foreign, draft.id)).toBeUndefined();
    await write((tx) => endSeat(tx, world.staff, small.id, small.seats[0]?.id as string));
    const cancelled = await write((tx) => cancelMeeting(tx, world.staff, draft.id));
    expect(cancelled.status).toBe('cancelled');
    expect(await write((tx) => publishNotice(tx, world.staff, draft.id)).catch((e: AppError) => code(e))).toBe('meetings.wrong_status');
  });

  it('puts a topic of the place on the agenda, and answers one of another community like an unknown id', async () => {
    const draft = await draftMeeting(database, world.staff, council.id);
    const topicAt = async (node: { id: string; path: string }) => {
      const id = newId();
      await database.query(
        `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level)
         VALUES ('370785', $1, $2, '加装电梯', '费用分摊', 'staff', $3, $4::ltree, 'compound')`,
        [id, `T-${id.slice(-6)}`, node.id, node.path],
      );
      return id;
    };
    const schedule = (id: string) =>
      write((tx) => scheduleAgendaItem(tx, world.staff, draft.id, { kind: 'topic', id, title: '加装电梯' })).then(
        () => 'scheduled',
        (e: AppError) => `${e.code} ${e.message.replaceAll(id, '<id>')} ${JSON.stringify(e.details ?? [])}`,
      );
    const unknown = await schedule(newId());
    expect(unknown).toMatch(/^not_found/);
    expect(await schedule(await topicAt(world.tree.b.compound))).toBe(unknown);
    expect(await schedule(await topicAt(world.tree.a.compound))).toBe('scheduled');
  });
});
