import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Matter, MatterResult, Meeting, MeetingDocument, MeetingProxy, MyMeeting, PaperBallot } from './contract.ts';
import { type MatterKind, type MeetingConvener, type MeetingKind, type MeetingStatus, matterRule } from './vocabulary.ts';

export const MeetingTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const MeetingDayCursor = Type.Tuple([CursorText, Uuid]);
export const meetingCursorFor = (sort: string | undefined) => (sort?.endsWith('voteFrom') ? MeetingDayCursor : MeetingTimeCursor);

export interface MeetingFilter {
  nodeId?: string;
  status?: MeetingStatus;
  kind?: MeetingKind;
  sort?: 'createdAt' | '-createdAt' | 'voteFrom' | '-voteFrom';
}

/** The columns a command decides on, with the compound's path and name. */
export interface MeetingRow {
  id: string;
  compoundId: string;
  compoundPath: string;
  compoundName: string;
  kind: MeetingKind;
  title: string;
  status: MeetingStatus;
  voteFrom: string;
  voteUntil: string;
  noticeOn: string | null;
  placeText: string | null;
}

const iso = (col: SQL) => sql`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const ymd = (col: SQL) => sql`to_char(${col}, 'YYYY-MM-DD')`;

/** A household's full name within its compound (1号楼1单元101): the name alone repeats in every building. */
const householdName = (alias: string) =>
  sql`(SELECT string_agg(n.name, '' ORDER BY n.depth) FROM ${territorySql.nodes('n')}
    WHERE n.tenant_id = ${sql.raw(alias)}.tenant_id AND n.path @> ${sql.raw(alias)}.path AND n.kind IN ('building', 'entrance', 'household'))`;

const matterColumns = sql`x.id, x.position, x.kind, x.title, x.description, x.ballot_id AS "ballotId", x.result`;
const withRule = (m: Omit<Matter, 'rule'>): Matter => ({ ...m, rule: matterRule(m.kind as MatterKind) });

/** SQL of owners' general meetings (业主大会): the meeting, its matters, documents, proxies and paper ballots; visible where the compound is in scope. */
export class MeetingRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conditions: SQL[]): SQL {
    return sql`SELECT m.id, m.compound_id AS "compoundId", cp.name AS "compoundName", cm.name AS "communityName", m.kind, m.title,
        m.convener, m.committee_id AS "committeeId", oc.name AS "committeeName", m.status,
        ${ymd(sql`m.vote_from`)} AS "voteFrom", ${ymd(sql`m.vote_until`)} AS "voteUntil", ${ymd(sql`m.notice_on`)} AS "noticeOn",
        (SELECT count(*)::int FROM owners_meeting_matter x WHERE x.tenant_id = m.tenant_id AND x.meeting_id = m.id) AS matters,
        CASE WHEN m.status IN ('closed', 'published') THEN (SELECT count(*)::int FROM owners_meeting_matter x
          WHERE x.tenant_id = m.tenant_id AND x.meeting_id = m.id AND (x.result ->> 'passed')::boolean) END AS "passedMatters",
        ${iso(sql`m.created_at`)} AS "createdAt", ${iso(sql`m.published_at`)} AS "publishedAt"
      FROM owners_meeting m
      JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = m.tenant_id AND cp.id = m.compound_id
      LEFT JOIN ${territorySql.nodes('cm')} ON cm.tenant_id = cp.tenant_id AND cm.kind = 'community' AND cm.path @> cp.path
      LEFT JOIN owners_committee oc ON oc.tenant_id = m.tenant_id AND oc.id = m.committee_id
      WHERE m.tenant_id = ${tenantId} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: MeetingFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: Meeting[]; next: [string, string] | null }> {
    const c: SQL[] = [inScope(sql`cp.path`, scope)];
    if (filter.nodeId) c.push(territorySql.underNode(sql`cp.path`, tenantId, filter.nodeId));
    if (filter.status) c.push(sql`m.status = ${filter.status}`);
    if (filter.kind) c.push(sql`m.kind = ${filter.kind}`);
    const sort = filter.sort ?? '-createdAt';
    const byDay = sort.endsWith('voteFrom');
    const desc = sort.startsWith('-');
    const key = byDay ? sql`m.vote_from` : sql`m.created_at`;
    if (page.after) {
      const value = byDay ? sql`${page.after[0]}::date` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, m.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, m.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, m.id DESC` : sql`${key}, m.id`;
    const found = await rows<Meeting>(this.db, sql`${this.select(tenantId, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byDay ? last.voteFrom : last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Meeting | undefined> {
    return one<Meeting>(this.db, this.select(tenantId, [sql`m.id = ${id}`, inScope(sql`cp.path`, scope)]));
  }

  /** The texts of a meeting (place, notice, result). */
  texts(
    tenantId: string,
    id: string,
  ): Promise<{ placeText: string | null; noticeBody: string | null; resultBody: string | null } | undefined> {
    return one(
      this.db,
      sql`SELECT place_text AS "placeText", notice_body AS "noticeBody", result_body AS "resultBody" FROM owners_meeting
        WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
  }

  /** The meeting for a write, locked, with its compound's path; undefined outside the scope. */
  lock(tenantId: string, id: string, scope: string[]): Promise<MeetingRow | undefined> {
    return one<MeetingRow>(
      this.db,
      sql`SELECT m.id, m.compound_id AS "compoundId", cp.path::text AS "compoundPath", cp.name AS "compoundName", m.kind, m.title,
          m.status, ${ymd(sql`m.vote_from`)} AS "voteFrom", ${ymd(sql`m.vote_until`)} AS "voteUntil",
          ${ymd(sql`m.notice_on`)} AS "noticeOn", m.place_text AS "placeText"
        FROM owners_meeting m JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = m.tenant_id AND cp.id = m.compound_id
        WHERE m.tenant_id = ${tenantId} AND m.id = ${id} AND ${inScope(sql`cp.path`, scope)} FOR UPDATE OF m`,
    );
  }

  async insert(
    tenantId: string,
    m: {
      compoundId: string;
      kind: MeetingKind;
      title: string;
      convener: MeetingConvener;
      committeeId: string | null;
      placeText: string | null;
      voteFrom: string;
      voteUntil: string;
      createdBy: string;
    },
    matters: { kind: MatterKind; title: string; description: string | null }[],
  ): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO owners_meeting (tenant_id, id, compound_id, kind, title, convener, committee_id, place_text,
        vote_from, vote_until, created_by)
      VALUES (${tenantId}, ${id}, ${m.compoundId}, ${m.kind}, ${m.title}, ${m.convener}, ${m.committeeId}, ${m.placeText},
        ${m.voteFrom}::date, ${m.voteUntil}::date, ${m.createdBy})`);
    await this.db.execute(sql`INSERT INTO owners_meeting_matter (tenant_id, id, meeting_id, position, kind, title, description)
      VALUES ${sql.join(
        matters.map((x, i) => sql`(${tenantId}, ${newId()}, ${id}, ${i + 1}, ${x.kind}, ${x.title}, ${x.description})`),
        sql`, `,
      )}`);
    return id;
  }

  async matters(tenantId: string, meetingId: string): Promise<Matter[]> {
    const found = await rows<Omit<Matter, 'rule'>>(
      this.db,
      sql`SELECT ${matterColumns} FROM owners_meeting_matter x WHERE x.tenant_id = ${tenantId} AND x.meeting_id = ${meetingId}
        ORDER BY x.position`,
    );
    return found.map(withRule);
  }

  async setNoticed(tenantId: string, id: string, v: { noticeOn: string; body: string; by: string }): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting SET status = 'noticed', notice_on = ${v.noticeOn}::date, notice_body = ${v.body},
        noticed_by = ${v.by}, noticed_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  async setMatterBallot(tenantId: string, matterId: string, ballotId: string): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting_matter SET ballot_id = ${ballotId} WHERE tenant_id = ${tenantId} AND id = ${matterId}`);
  }

  async setVoting(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting SET status = 'voting', opened_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  async setMatterResult(tenantId: string, matterId: string, result: MatterResult): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting_matter SET result = ${JSON.stringify(result)}::jsonb
      WHERE tenant_id = ${tenantId} AND id = ${matterId}`);
  }

  async setClosed(tenantId: string, id: string): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting SET status = 'closed', closed_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  async setPublished(tenantId: string, id: string, v: { body: string; by: string }): Promise<void> {
    await this.db.execute(sql`UPDATE owners_meeting SET status = 'published', result_body = ${v.body}, published_by = ${v.by},
        published_at = now() WHERE tenant_id = ${tenantId} AND id = ${id}`);
  }

  // ---- authorisation documents

  async insertDocument(
    tenantId: string,
    d: {
      id: string;
      meetingId: string;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      storageKey: string;
      by: string;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO owners_meeting_document (tenant_id, id, meeting_id, file_name, content_type, size, sha256,
        storage_key, uploaded_by)
      VALUES (${tenantId}, ${d.id}, ${d.meetingId}, ${d.fileName}, ${d.contentType}, ${d.size}, ${d.sha256}, ${d.storageKey}, ${d.by})`);
  }

  document(
    tenantId: string,
    meetingId: string,
    id: string,
  ): Promise<(MeetingDocument & { storageKey: string; sha256: string; usedBy: string | null }) | undefined> {
    return one(
      this.db,
      sql`SELECT d.id, d.file_name AS "fileName", d.content_type AS "contentType", d.size, d.sha256, d.storage_key AS "storageKey",
          ${iso(sql`d.uploaded_at`)} AS "uploadedAt",
          (SELECT p.id FROM owners_meeting_proxy p WHERE p.tenant_id = d.tenant_id AND p.document_id = d.id LIMIT 1) AS "usedBy"
        FROM owners_meeting_document d WHERE d.tenant_id = ${tenantId} AND d.meeting_id = ${meetingId} AND d.id = ${id}::uuid`,
    );
  }

  // ---- proxies

  proxyOf(tenantId: string, meetingId: string, householdId: string): Promise<{ id: string; proxyName: string } | undefined> {
    return one(
      this.db,
      sql`SELECT id, proxy_name AS "proxyName" FROM owners_meeting_proxy
        WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId} AND household_id = ${householdId}::uuid`,
    );
  }

  async insertProxy(
    tenantId: string,
    p: {
      meetingId: string;
      householdId: string;
      proxyName: string;
      holderHouseholdId: string | null;
      documentId: string;
      by: { id: string; name: string };
    },
  ): Promise<string | undefined> {
    const id = newId();
    const r = await rows(
      this.db,
      sql`INSERT INTO owners_meeting_proxy (tenant_id, id, meeting_id, household_id, proxy_name, holder_household_id, document_id,
          registered_by, registered_by_name)
        VALUES (${tenantId}, ${id}, ${p.meetingId}, ${p.householdId}, ${p.proxyName}, ${p.holderHouseholdId}, ${p.documentId},
          ${p.by.id}, ${p.by.name})
        ON CONFLICT (tenant_id, meeting_id, household_id) DO NOTHING RETURNING id`,
    );
    return r.length ? id : undefined;
  }

  /** Proxies with a holder household (who vote on the phone): registered on each matter's ballot when the vote opens. */
  proxies(tenantId: string, meetingId: string): Promise<MeetingProxy[]> {
    return rows(
      this.db,
      sql`SELECT p.id, p.household_id AS "householdId", ${householdName('h')} AS "householdName", p.proxy_name AS "proxyName",
          p.holder_household_id AS "holderHouseholdId", CASE WHEN hh.id IS NOT NULL THEN ${householdName('hh')} END AS "holderHouseholdName", p.document_id AS "documentId",
          d.file_name AS "documentName", p.registered_by_name AS "registeredByName", ${iso(sql`p.registered_at`)} AS "registeredAt"
        FROM owners_meeting_proxy p
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = p.tenant_id AND h.id = p.household_id
        LEFT JOIN ${territorySql.nodes('hh')} ON hh.tenant_id = p.tenant_id AND hh.id = p.holder_household_id
        JOIN owners_meeting_document d ON d.tenant_id = p.tenant_id AND d.id = p.document_id
        WHERE p.tenant_id = ${tenantId} AND p.meeting_id = ${meetingId}
        ORDER BY ${territorySql.naturalPathKey(tenantId, sql`h.path`)}, p.id`,
    );
  }

  // ---- paper ballots

  /** Records who entered a household's paper ballot; false when one was already entered (the primary key decides). */
  async insertPaper(
    tenantId: string,
    p: { meetingId: string; householdId: string; proxyId: string | null; by: { id: string; name: string } },
  ): Promise<boolean> {
    const r = await rows(
      this.db,
      sql`INSERT INTO owners_meeting_paper_ballot (tenant_id, meeting_id, household_id, proxy_id, entered_by, entered_by_name)
        VALUES (${tenantId}, ${p.meetingId}, ${p.householdId}, ${p.proxyId}, ${p.by.id}, ${p.by.name})
        ON CONFLICT DO NOTHING RETURNING household_id`,
    );
    return r.length === 1;
  }

  paperBallots(tenantId: string, meetingId: string): Promise<PaperBallot[]> {
    return rows(
      this.db,
      sql`SELECT b.household_id AS "householdId", ${householdName('h')} AS "householdName", p.proxy_name AS "proxyName",
          b.entered_by_name AS "enteredByName", ${iso(sql`b.entered_at`)} AS "enteredAt"
        FROM owners_meeting_paper_ballot b
        JOIN ${territorySql.nodes('h')} ON h.tenant_id = b.tenant_id AND h.id = b.household_id
        LEFT JOIN owners_meeting_proxy p ON p.tenant_id = b.tenant_id AND p.id = b.proxy_id
        WHERE b.tenant_id = ${tenantId} AND b.meeting_id = ${meetingId} ORDER BY b.entered_at, b.household_id`,
    );
  }

  async paperCount(tenantId: string, meetingId: string): Promise<number> {
    const r = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM owners_meeting_paper_ballot WHERE tenant_id = ${tenantId} AND meeting_id = ${meetingId}`,
    );
    return r?.n ?? 0;
  }

  // ---- demo data

  /**
   * Of the given compounds, those whose every household has a floor area (an Art. 278 ballot needs
   * it), with 5 to 60 households, fewest first, and their households.
   */
  async votableCompounds(tenantId: string, compoundIds: string[], limit: number): Promise<{ id: string; households: string[] }[]> {
    if (compoundIds.length === 0) return [];
    return rows(
      this.db,
      sql`SELECT c.id, array_agg(h.id::text ORDER BY h.path) AS households
        FROM ${territorySql.nodes('c')} JOIN ${territorySql.nodes('h')} ON h.tenant_id = c.tenant_id AND h.kind = 'household' AND h.path <@ c.path
        WHERE c.tenant_id = ${tenantId} AND c.id IN (${sql.join(
          compoundIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        GROUP BY c.id HAVING count(*) = count(h.floor_area) AND count(*) BETWEEN 5 AND 60
        ORDER BY count(*), c.id LIMIT ${limit}`,
    );
  }

  // ---- the residents' side

  /**
   * The meetings of the compounds of the caller's households (resident grants), from the notice on;
   * matters' results only once published. Newest first.
   */
  async mine(tenantId: string, householdIds: string[], id?: string): Promise<MyMeeting[]> {
    if (householdIds.length === 0) return [];
    const found = await rows<Omit<MyMeeting, 'matters'>>(
      this.db,
      sql`SELECT m.id, cp.name AS "compoundName", m.kind, m.title, m.status, ${ymd(sql`m.vote_from`)} AS "voteFrom",
          ${ymd(sql`m.vote_until`)} AS "voteUntil", ${ymd(sql`m.notice_on`)} AS "noticeOn", m.place_text AS "placeText",
          m.notice_body AS "noticeBody", CASE WHEN m.status = 'published' THEN m.result_body END AS "resultBody"
        FROM owners_meeting m JOIN ${territorySql.nodes('cp')} ON cp.tenant_id = m.tenant_id AND cp.id = m.compound_id
        WHERE m.tenant_id = ${tenantId} AND m.status <> 'draft' ${id ? sql`AND m.id = ${id}::uuid` : sql``}
          AND EXISTS (SELECT 1 FROM ${territorySql.nodes('h')} WHERE h.tenant_id = m.tenant_id AND h.path <@ cp.path
            AND h.id IN (${sql.join(
              householdIds.map((h) => sql`${h}::uuid`),
              sql`, `,
            )}))
        ORDER BY m.vote_from DESC, m.id DESC LIMIT 50`,
    );
    return Promise.all(
      found.map(async (m) => ({
        ...m,
        matters: (await this.matters(tenantId, m.id)).map((x) => (m.status === 'published' ? x : { ...x, result: null })),
      })),
    );
  }
}
