import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Attendance, Invitee, Meeting, MeetingItem, Motion, MyMeeting, Photo, Turn } from './contract.ts';
import type { CouncilKind, CouncilLevel, InviteeKind, ItemOutcome, MeetingStatus, Stance } from './rules.ts';

export interface MeetingFilter {
  councilId?: string;
  nodeId?: string;
  level?: CouncilLevel;
  status?: MeetingStatus;
  from?: string;
  to?: string;
  q?: string;
  sort?: 'startsAt' | '-startsAt' | 'title' | '-title';
}

export const MeetingTitleCursor = Type.Tuple([CursorText, Uuid]);
export const MeetingTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const meetingCursorFor = (sort: string | undefined) => (sort?.endsWith('title') ? MeetingTitleCursor : MeetingTimeCursor);

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The row the commands work on: state, council rules and the place's path. */
export interface MeetingRow {
  id: string;
  councilId: string;
  nodeId: string;
  path: string;
  level: CouncilLevel;
  title: string;
  status: MeetingStatus;
  code: string;
  quorumPercent: number;
  minMembers: number | null;
  councilActive: boolean;
}

export interface MeetingExtra {
  nodePath: string;
  code: string;
  membersExpected: number | null;
  quorumNeeded: number | null;
  presentAtOpen: number | null;
  quorumPercent: number;
  chairName: string | null;
  minutes: string | null;
  publishedAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
}

/** SQL of meetings and everything recorded at them; a meeting is visible where its place is in scope. */
export class MeetingRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[], extra = false): SQL {
    return sql`SELECT m.id, m.council_id AS "councilId", c.name AS "councilName", m.node_id AS "nodeId", n.name AS "nodeName", m.level,
        m.title, ${iso(sql`m.starts_at`)} AS "startsAt", CASE WHEN m.ends_at IS NULL THEN NULL ELSE ${iso(sql`m.ends_at`)} END AS "endsAt",
        m.station_id AS "stationId", m.place_text AS "placeText", m.status,
        (SELECT count(*)::int FROM meeting_invitee i WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id) AS invited,
        (SELECT count(*)::int FROM meeting_attendance a WHERE a.tenant_id = m.tenant_id AND a.meeting_id = m.id) AS present,
        ${iso(sql`m.created_at`)} AS "createdAt"
        ${
          extra
            ? sql`, n.path::text AS "nodePath", m.code, m.members_expected AS "membersExpected", m.quorum_needed AS "quorumNeeded", m.present_at_open AS "presentAtOpen",
          c.quorum_percent AS "quorumPercent", m.chair_name AS "chairName", m.minutes,
          CASE WHEN m.published_at IS NULL THEN NULL ELSE ${iso(sql`m.published_at`)} END AS "publishedAt",
          CASE WHEN m.opened_at IS NULL THEN NULL ELSE ${iso(sql`m.opened_at`)} END AS "openedAt",
          CASE WHEN m.closed_at IS NULL THEN NULL ELSE ${iso(sql`m.closed_at`)} END AS "closedAt"`
            : sql``
        }
      FROM meeting m
      JOIN council c ON c.tenant_id = m.tenant_id AND c.id = m.council_id
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = m.tenant_id AND n.id = m.node_id
      WHERE m.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: MeetingFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Meeting[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.councilId) c.push(sql`m.council_id = ${filter.councilId}::uuid`);
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    if (filter.level) c.push(sql`m.level = ${filter.level}`);
    if (filter.status) c.push(sql`m.status = ${filter.status}`);
    if (filter.from) c.push(sql`m.starts_at >= ${filter.from}::date`);
    if (filter.to) c.push(sql`m.starts_at < ${filter.to}::date + 1`);
    if (filter.q) c.push(sql`m.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-startsAt';
    const byTitle = sort.endsWith('title');
    const desc = sort.startsWith('-');
    const key = byTitle ? sql`m.title` : sql`m.starts_at`;
    if (page.after) {
      const value = byTitle ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, m.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, m.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, m.id DESC` : sql`${key}, m.id`;
    const found = await rows<Meeting>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byTitle ? last.title : last.startsAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<(Meeting & MeetingExtra) | undefined> {
    return one(this.db, this.select(tenantId, scope, [sql`m.id = ${id}::uuid`], true));
  }

  /** The meeting a command acts on, locked (FOR UPDATE) so two chairs' tablets cannot race. */
  forUpdate(tenantId: string, id: string, scope: string[]): Promise<MeetingRow | undefined> {
    return one<MeetingRow>(
      this.db,
      sql`SELECT m.id, m.council_id AS "councilId", m.node_id AS "nodeId", n.path::text AS path, m.level, m.title, m.status, m.code,
          c.quorum_percent AS "quorumPercent", c.min_members AS "minMembers", c.active AS "councilActive"
        FROM meeting m
        JOIN council c ON c.tenant_id = m.tenant_id AND c.id = m.council_id
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = m.tenant_id AND n.id = m.node_id
        WHERE m.tenant_id = ${tenantId} AND m.id = ${id}::uuid AND ${inScope(sql`n.path`, scope)}
        FOR UPDATE OF m`,
    );
  }

  /** Title, and whether it was opened (with its quorum), without a scope check: for callers that found it already. */
  basics(tenantId: string, meetingId: string): Promise<{ title: string; opened: boolean } | undefined> {
    return one(
      this.db,
      sql`SELECT title, opened_at IS NOT NULL AS opened FROM meeting WHERE tenant_id = ${tenantId} AND id = ${meetingId}::uuid`,
    );
  }

  items(tenantId: string, meetingId: string): Promise<MeetingItem[]> {
    return rows(
      this.db,
      sql`SELECT id, position, subject_kind AS "subjectKind", subject_id AS "subjectId", title, decision, outcome
        FROM meeting_item WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid ORDER BY position`,
    );
  }

  invitees(tenantId: string, meetingId: string): Promise<Invitee[]> {
    return rows(
      this.db,
      sql`SELECT i.id, i.kind, i.name, i.affiliation, i.seat_id AS "seatId", i.resident_id AS "residentId", i.invited_by_phone AS "invitedByPhone",
          CASE WHEN a.id IS NULL THEN NULL ELSE ${iso(sql`a.checked_in_at`)} END AS "checkedInAt"
        FROM meeting_invitee i
        LEFT JOIN meeting_attendance a ON a.tenant_id = i.tenant_id AND a.meeting_id = i.meeting_id AND a.invitee_id = i.id
        WHERE i.tenant_id = ${tenantId} AND i.meeting_id = ${meetingId}::uuid
        ORDER BY array_position(ARRAY['member','flexible','adviser','observer']::text[], i.kind), i.name, i.id`,
    );
  }

  attendance(tenantId: string, meetingId: string): Promise<Attendance[]> {
    return rows(
      this.db,
      sql`SELECT id, invitee_id AS "inviteeId", name, is_member AS "isMember", method, ${iso(sql`checked_in_at`)} AS "checkedInAt"
        FROM meeting_attendance WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid ORDER BY checked_in_at, id`,
    );
  }

  async motions(tenantId: string, meetingId: string): Promise<Motion[]> {
    const motions = await rows<Omit<Motion, 'turns'>>(
      this.db,
      sql`SELECT id, item_id AS "itemId", text, mover, status, votes_for AS "votesFor", votes_against AS "votesAgainst",
          votes_abstain AS "votesAbstain"
        FROM meeting_motion WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid ORDER BY opened_at, id`,
    );
    const turns = await rows<Turn & { motionId: string }>(
      this.db,
      sql`SELECT t.id, t.motion_id AS "motionId", t.attendance_id AS "attendanceId", a.name AS speaker, t.seq, t.stance, t.seconds
        FROM meeting_turn t
        JOIN meeting_motion mo ON mo.tenant_id = t.tenant_id AND mo.id = t.motion_id
        JOIN meeting_attendance a ON a.tenant_id = t.tenant_id AND a.id = t.attendance_id
        WHERE t.tenant_id = ${tenantId} AND mo.meeting_id = ${meetingId}::uuid ORDER BY t.seq`,
    );
    return motions.map((m) => ({
      ...m,
      turns: turns.filter((t) => t.motionId === m.id).map(({ motionId: _, ...t }) => t),
    }));
  }

  photos(tenantId: string, meetingId: string): Promise<Photo[]> {
    return rows(
      this.db,
      sql`SELECT id, kind, file_name AS "fileName", ${iso(sql`uploaded_at`)} AS "uploadedAt"
        FROM meeting_photo WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid ORDER BY uploaded_at, id`,
    );
  }

  async insert(
    tenantId: string,
    input: {
      councilId: string;
      nodeId: string;
      level: CouncilLevel;
      title: string;
      startsAt: string;
      endsAt?: string;
      stationId?: string;
      placeText?: string;
      chairName?: string;
      code: string;
      createdBy?: string;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting (tenant_id, id, council_id, node_id, level, title, starts_at, ends_at, station_id, place_text,
        chair_name, code, created_by)
      VALUES (${tenantId}, ${id}, ${input.councilId}, ${input.nodeId}, ${input.level}, ${input.title}, ${input.startsAt}::timestamptz,
        ${input.endsAt ?? null}::timestamptz, ${input.stationId ?? null}, ${input.placeText ?? null}, ${input.chairName ?? null}, ${input.code},
        ${input.createdBy ?? null})`);
    return id;
  }

  /** Appends an agenda item after the last one. */
  async appendItem(tenantId: string, meetingId: string, subject: { kind: string; id?: string | null; title: string }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting_item (tenant_id, id, meeting_id, position, subject_kind, subject_id, title)
      SELECT ${tenantId}, ${id}, ${meetingId}, coalesce(max(position), 0) + 1, ${subject.kind}, ${subject.id ?? null}, ${subject.title}
      FROM meeting_item WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid`);
    return id;
  }

  /** Invites every member holding a seat of the council now. */
  async inviteMembers(tenantId: string, meetingId: string, councilId: string): Promise<number> {
    const seats = await rows<{
      seatId: string;
      residentId: string | null;
      householdId: string | null;
      name: string;
      affiliation: string | null;
    }>(
      this.db,
      sql`SELECT s.id AS "seatId", s.resident_id AS "residentId", r.household_id AS "householdId", s.name,
          coalesce(po.name, o.name, d.name) AS affiliation
        FROM council_seat s
        LEFT JOIN resident r ON r.tenant_id = s.tenant_id AND r.id = s.resident_id
        LEFT JOIN party_org po ON po.tenant_id = s.tenant_id AND po.id = s.party_org_id
        LEFT JOIN organisation o ON o.tenant_id = s.tenant_id AND o.id = s.organisation_id
        LEFT JOIN department d ON d.tenant_id = s.tenant_id AND d.id = s.department_id
        WHERE s.tenant_id = ${tenantId} AND s.council_id = ${councilId}::uuid AND s.ended_at IS NULL
        ORDER BY s.created_at, s.id`,
    );
    if (seats.length === 0) return 0;
    await this.db.execute(sql`INSERT INTO meeting_invitee (tenant_id, id, meeting_id, kind, seat_id, resident_id, household_id, name, affiliation)
      VALUES ${sql.join(
        seats.map(
          (s) =>
            sql`(${tenantId}, ${newId()}, ${meetingId}, 'member', ${s.seatId}, ${s.residentId}, ${s.householdId}, ${s.name}, ${s.affiliation})`,
        ),
        sql`, `,
      )}`);
    return seats.length;
  }

  async insertInvitee(
    tenantId: string,
    meetingId: string,
    input: {
      kind: InviteeKind;
      name: string;
      residentId?: string;
      householdId?: string;
      affiliation?: string;
      invitedByPhone?: boolean;
    },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting_invitee (tenant_id, id, meeting_id, kind, resident_id, household_id, name, affiliation,
        invited_by_phone)
      VALUES (${tenantId}, ${id}, ${meetingId}, ${input.kind}, ${input.residentId ?? null}, ${input.householdId ?? null}, ${input.name},
        ${input.affiliation ?? null}, ${input.invitedByPhone ?? false})`);
    return id;
  }

  async residentInvited(tenantId: string, meetingId: string, residentId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM meeting_invitee WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND resident_id = ${residentId}::uuid`,
    );
    return row !== undefined;
  }

  invitee(tenantId: string, meetingId: string, inviteeId: string): Promise<{ id: string; name: string; kind: InviteeKind } | undefined> {
    return one(
      this.db,
      sql`SELECT id, name, kind FROM meeting_invitee WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${inviteeId}::uuid`,
    );
  }

  /** The invitee a resident account stands for: one invited from a household of its grants (by name first). */
  inviteeOfAccount(
    tenantId: string,
    meetingId: string,
    householdPaths: string[],
    displayName: string,
  ): Promise<{ id: string; name: string; kind: InviteeKind } | undefined> {
    return one(
      this.db,
      sql`SELECT i.id, i.name, i.kind FROM meeting_invitee i
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = i.tenant_id AND h.id = i.household_id
        WHERE i.tenant_id = ${tenantId} AND i.meeting_id = ${meetingId}::uuid AND ${inScope(sql`h.path`, householdPaths)}
          AND NOT EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.tenant_id = i.tenant_id AND a.meeting_id = i.meeting_id AND a.invitee_id = i.id)
        ORDER BY (i.name = ${displayName}) DESC, i.id LIMIT 1`,
    );
  }

  /** Whether the invitee of these households who bears this name has already been checked in (by staff). */
  async householdInviteeCheckedIn(tenantId: string, meetingId: string, householdPaths: string[], name: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM meeting_invitee i
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = i.tenant_id AND h.id = i.household_id
        JOIN meeting_attendance a ON a.tenant_id = i.tenant_id AND a.meeting_id = i.meeting_id AND a.invitee_id = i.id
        WHERE i.tenant_id = ${tenantId} AND i.meeting_id = ${meetingId}::uuid AND i.name = ${name} AND ${inScope(sql`h.path`, householdPaths)}`,
    );
    return row !== undefined;
  }

  async checkedIn(tenantId: string, meetingId: string, who: { inviteeId?: string; accountId?: string }): Promise<boolean> {
    const conditions: SQL[] = [];
    if (who.inviteeId) conditions.push(sql`invitee_id = ${who.inviteeId}::uuid`);
    if (who.accountId) conditions.push(sql`account_id = ${who.accountId}::uuid`);
    if (conditions.length === 0) return false;
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM meeting_attendance WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid
          AND (${sql.join(conditions, sql` OR `)})`,
    );
    return row !== undefined;
  }

  async insertAttendance(
    tenantId: string,
    meetingId: string,
    input: { inviteeId?: string; accountId?: string; name: string; isMember: boolean; method: 'code' | 'staff'; checkedInBy?: string },
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting_attendance (tenant_id, id, meeting_id, invitee_id, account_id, name, is_member, method, checked_in_by)
      VALUES (${tenantId}, ${id}, ${meetingId}, ${input.inviteeId ?? null}, ${input.accountId ?? null}, ${input.name}, ${input.isMember},
        ${input.method}, ${input.checkedInBy ?? null})`);
    return id;
  }

  /** Members invited (the council's seats) and members checked in. */
  memberCounts(tenantId: string, meetingId: string): Promise<{ members: number; present: number }> {
    return one<{ members: number; present: number }>(
      this.db,
      sql`SELECT (SELECT count(*)::int FROM meeting_invitee WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND kind = 'member') AS members,
        (SELECT count(*)::int FROM meeting_attendance WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND is_member) AS present`,
    ) as Promise<{ members: number; present: number }>;
  }

  async presentCount(tenantId: string, meetingId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM meeting_attendance WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid`,
    );
    return row?.n ?? 0;
  }

  async setStatus(tenantId: string, id: string, status: MeetingStatus, extra: SQL[] = []): Promise<void> {
    await this.db.execute(
      sql`UPDATE meeting SET ${sql.join([sql`status = ${status}`, ...extra], sql`, `)} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`,
    );
  }

  async markReminded(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`UPDATE meeting SET reminded_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  async recordMinutes(tenantId: string, id: string, minutes: string): Promise<void> {
    await this.db.execute(sql`UPDATE meeting SET minutes = ${minutes} WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  /** Records an item's decision; false when the item is not on this meeting's agenda. */
  async decideItem(tenantId: string, meetingId: string, itemId: string, decision: string, outcome: ItemOutcome): Promise<boolean> {
    const updated = await rows(
      this.db,
      sql`UPDATE meeting_item SET decision = ${decision}, outcome = ${outcome}
        WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${itemId}::uuid RETURNING id`,
    );
    return updated.length > 0;
  }

  async itemOnAgenda(tenantId: string, meetingId: string, itemId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM meeting_item WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${itemId}::uuid`,
    );
    return row !== undefined;
  }

  // ---- motions and turns ----

  async openMotions(tenantId: string, meetingId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM meeting_motion WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND status = 'open'`,
    );
    return row?.n ?? 0;
  }

  async insertMotion(tenantId: string, meetingId: string, input: { text: string; mover: string; itemId?: string }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting_motion (tenant_id, id, meeting_id, item_id, text, mover)
      VALUES (${tenantId}, ${id}, ${meetingId}, ${input.itemId ?? null}, ${input.text}, ${input.mover})`);
    return id;
  }

  motion(tenantId: string, meetingId: string, motionId: string): Promise<{ id: string; status: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, status FROM meeting_motion WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${motionId}::uuid`,
    );
  }

  turns(tenantId: string, motionId: string): Promise<{ speaker: string; stance: Stance }[]> {
    return rows(
      this.db,
      sql`SELECT attendance_id::text AS speaker, stance FROM meeting_turn WHERE tenant_id = ${tenantId} AND motion_id = ${motionId}::uuid ORDER BY seq`,
    );
  }

  attendee(tenantId: string, meetingId: string, attendanceId: string): Promise<{ id: string; name: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, name FROM meeting_attendance WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${attendanceId}::uuid`,
    );
  }

  async insertTurn(tenantId: string, motionId: string, input: { attendanceId: string; stance: Stance; seconds: number }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO meeting_turn (tenant_id, id, motion_id, attendance_id, seq, stance, seconds)
      SELECT ${tenantId}, ${id}, ${motionId}, ${input.attendanceId}, coalesce(max(seq), 0) + 1, ${input.stance}, ${input.seconds}
      FROM meeting_turn WHERE tenant_id = ${tenantId} AND motion_id = ${motionId}::uuid`);
    return id;
  }

  async decideMotion(
    tenantId: string,
    motionId: string,
    status: 'adopted' | 'rejected' | 'withdrawn',
    votes?: { for: number; against: number; abstain?: number },
  ): Promise<void> {
    await this.db.execute(sql`UPDATE meeting_motion SET status = ${status}, decided_at = now(),
        votes_for = ${votes?.for ?? null}, votes_against = ${votes?.against ?? null}, votes_abstain = ${votes?.abstain ?? null}
      WHERE tenant_id = ${tenantId} AND id = ${motionId}::uuid`);
  }

  // ---- photos ----

  async insertPhoto(
    tenantId: string,
    meetingId: string,
    input: { id: string; kind: 'sign_in_sheet' | 'signatures'; fileName: string; contentType: string; size: number; uploadedBy?: string },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO meeting_photo (tenant_id, id, meeting_id, kind, file_name, content_type, size_bytes, uploaded_by)
      VALUES (${tenantId}, ${input.id}, ${meetingId}, ${input.kind}, ${input.fileName}, ${input.contentType}, ${input.size}, ${input.uploadedBy ?? null})`);
  }

  photo(tenantId: string, meetingId: string, photoId: string): Promise<{ id: string; contentType: string; fileName: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, content_type AS "contentType", file_name AS "fileName" FROM meeting_photo
        WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}::uuid AND id = ${photoId}::uuid`,
    );
  }

  // ---- residents ----

  /**
   * Meetings a resident hears of: published (or later) meetings of a council whose place holds one of
   * the resident's households; invited when a household of theirs has an invitee.
   */
  async forResident(tenantId: string, accountId: string, householdPaths: string[]): Promise<MyMeeting[]> {
    if (householdPaths.length === 0) return [];
    const found = await rows<Omit<MyMeeting, 'items'> & { id: string }>(
      this.db,
      sql`SELECT m.id, m.title, c.name AS "councilName", n.name AS "nodeName", ${iso(sql`m.starts_at`)} AS "startsAt", m.place_text AS "placeText",
          m.station_id AS "stationId", m.status,
          EXISTS (SELECT 1 FROM meeting_invitee i JOIN ${territorySql.nodes('h')} ON h.tenant_id = i.tenant_id AND h.id = i.household_id
            WHERE i.tenant_id = m.tenant_id AND i.meeting_id = m.id AND ${inScope(sql`h.path`, householdPaths)}) AS invited,
          EXISTS (SELECT 1 FROM meeting_attendance a WHERE a.tenant_id = m.tenant_id AND a.meeting_id = m.id AND a.account_id = ${accountId}::uuid) AS "checkedIn",
          CASE WHEN m.status = 'closed' THEN m.minutes END AS minutes
        FROM meeting m
        JOIN council c ON c.tenant_id = m.tenant_id AND c.id = m.council_id
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = m.tenant_id AND n.id = m.node_id
        WHERE m.tenant_id = ${tenantId} AND m.status IN ('published', 'open', 'closed')
          AND (${sql.join(
            householdPaths.map((p) => sql`n.path @> ${p}::ltree`),
            sql` OR `,
          )})
        ORDER BY m.starts_at DESC, m.id DESC LIMIT 100`,
    );
    if (found.length === 0) return [];
    const items = await rows<{ meetingId: string; position: number; title: string; decision: string | null; outcome: ItemOutcome | null }>(
      this.db,
      sql`SELECT i.meeting_id AS "meetingId", i.position, i.title,
          CASE WHEN m.status = 'closed' THEN i.decision END AS decision, CASE WHEN m.status = 'closed' THEN i.outcome END AS outcome
        FROM meeting_item i JOIN meeting m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id
        WHERE i.tenant_id = ${tenantId} AND i.meeting_id IN (${sql.join(
          found.map((m) => sql`${m.id}::uuid`),
          sql`, `,
        )}) ORDER BY i.position`,
    );
    return found.map((m) => ({
      ...m,
      items: items.filter((i) => i.meetingId === m.id).map(({ meetingId: _, ...i }) => i),
    }));
  }

  /** The published meeting a resident checks in to: one whose place holds a household of theirs. */
  forResidentCheckIn(tenantId: string, meetingId: string, householdPaths: string[]): Promise<MeetingRow | undefined> {
    if (householdPaths.length === 0) return Promise.resolve(undefined);
    return one<MeetingRow>(
      this.db,
      sql`SELECT m.id, m.council_id AS "councilId", m.node_id AS "nodeId", n.path::text AS path, m.level, m.title, m.status, m.code,
          c.quorum_percent AS "quorumPercent", c.min_members AS "minMembers", c.active AS "councilActive"
        FROM meeting m
        JOIN council c ON c.tenant_id = m.tenant_id AND c.id = m.council_id
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = m.tenant_id AND n.id = m.node_id
        WHERE m.tenant_id = ${tenantId} AND m.id = ${meetingId}::uuid AND m.status <> 'draft'
          AND (${sql.join(
            householdPaths.map((p) => sql`n.path @> ${p}::ltree`),
            sql` OR `,
          )})
        FOR UPDATE OF m`,
    );
  }

  /** Meetings held (open or closed) by level and month (Asia/Shanghai, YYYY-MM), in a period, under a node and in scope. */
  countByLevel(
    tenantId: string,
    scope: string[],
    filter: { nodeId?: string; from?: string; to?: string; kind?: CouncilKind },
  ): Promise<{ level: CouncilLevel; month: string; meetings: number }[]> {
    const c: SQL[] = [sql`m.status IN ('open', 'closed')`];
    if (filter.kind) {
      c.push(sql`EXISTS (SELECT 1 FROM council k WHERE k.tenant_id = m.tenant_id AND k.id = m.council_id AND k.kind = ${filter.kind})`);
    }
    if (filter.nodeId) c.push(territorySql.underNode(sql`n.path`, tenantId, filter.nodeId));
    // Days are Shanghai days, as everywhere in the figures.
    if (filter.from) c.push(sql`m.starts_at >= (${filter.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (filter.to) c.push(sql`m.starts_at < (${filter.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    return rows(
      this.db,
      sql`SELECT m.level, to_char(m.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*)::int AS meetings FROM meeting m
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = m.tenant_id AND n.id = m.node_id
        WHERE m.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)} AND ${sql.join(c, sql` AND `)}
        GROUP BY 1, 2`,
    );
  }
}
