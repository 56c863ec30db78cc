import type { RequestContext } from '@linli/core';
import type { Db } from '@linli/db';
import { insertPartyMember, insertPartyOrg } from '@linli/party/testing';
import { buildTwoCommunities, contextFor, insertResident } from '@linli/people/testing';
import { sql } from 'drizzle-orm';
import { addMember } from './commands/add-member.ts';
import { createCommittee } from './commands/create-committee.ts';
import type { CreateCommitteeBody } from './contract.ts';
import type { MemberPosition } from './vocabulary.ts';

// Test factories of owners' committees: the two communities of people/testing with residents in
// their compounds, the party records of compound A's branch, and committees made through the commands.

/** yyyy-mm-dd `days` from today (China). */
export const daysFromToday = (days: number): string => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Two communities; in compound A four residents (李建国 party member and branch secretary, 王芳 party
 * member, 张伟 and 赵敏 not), in compound B three (陈静 party member, 刘洋 and 孙丽 not). Party
 * records are made with the party module's test helpers: a community committee above compound A's
 * branch (secretary 李建国) and compound B's branch.
 */
export async function buildCommitteeWorld(db: Db) {
  const tree = await buildTwoCommunities(db);
  const resident = (household: typeof tree.a.h101, name: string) => insertResident(db, household, { name }).then((r) => r.id);
  const a = {
    li: await resident(tree.a.h101, '李建国'),
    wang: await resident(tree.a.h101, '王芳'),
    zhang: await resident(tree.a.h102, '张伟'),
    zhao: await resident(tree.a.h102, '赵敏'),
  };
  const b = {
    chen: await resident(tree.b.h101, '陈静'),
    liu: await resident(tree.b.h101, '刘洋'),
    sun: await resident(tree.b.h102, '孙丽'),
  };
  const top = await insertPartyOrg(db, { node: tree.subdistrict, kind: 'subdistrict_committee', name: '朝阳街道党工委' });
  const committeeA = await insertPartyOrg(db, { node: tree.a.community, kind: 'community_committee', name: '凤凰社区党委', parent: top });
  const branchA = await insertPartyOrg(db, { node: tree.a.compound, kind: 'compound_branch', name: '凤凰小区党支部', parent: committeeA });
  const committeeB = await insertPartyOrg(db, { node: tree.b.community, kind: 'community_committee', name: '康成社区党委', parent: top });
  const branchB = await insertPartyOrg(db, { node: tree.b.compound, kind: 'compound_branch', name: '康成小区党支部', parent: committeeB });
  await insertPartyMember(db, branchA, a.li);
  await insertPartyMember(db, branchA, a.wang);
  await insertPartyMember(db, branchB, b.chen);
  await db.execute(sql`UPDATE party_org SET secretary_id = ${a.li} WHERE tenant_id = '370785' AND id = ${branchA.id}`);
  const staffA = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }], 'staff.a');
  const staffB = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }], 'staff.b');
  const street = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }], 'street');
  const county = contextFor('370785', [{ role: 'county_staff', node: tree.county }], 'county');
  return { tree, a, b, branchA, branchB, staffA, staffB, street, county };
}

/** A committee with members, made through the commands in one transaction. */
export async function committeeWith(
  db: Db,
  ctx: RequestContext,
  body: CreateCommitteeBody,
  members: [residentId: string, position: MemberPosition][],
): Promise<string> {
  return db.transaction(async (tx) => {
    const c = await createCommittee(tx, ctx, body);
    for (const [residentId, position] of members) await addMember(tx, ctx, c.id, { residentId, position, since: c.termStart });
    return c.id;
  });
}

/** Floor areas for the households of a compound (an Art. 278 ballot needs every one). */
export async function giveFloorAreas(db: Db, compound: { tenantId: string; path: string }, area = 90): Promise<void> {
  await db.execute(sql`UPDATE territory_node SET floor_area = ${area} WHERE tenant_id = ${compound.tenantId} AND kind = 'household'
    AND path <@ ${compound.path}::ltree`);
}

/** An election in compound A with the four residents as candidates (李建国 for chair), each vetted on the required items. */
export async function electionWithVettedCandidates(db: Db, w: Awaited<ReturnType<typeof buildCommitteeWorld>>, seats = 3) {
  const { createElection } = await import('./commands/create-election.ts');
  const { addCandidate } = await import('./commands/add-candidate.ts');
  const { vetCandidate } = await import('./commands/vet-candidate.ts');
  return db.transaction(async (tx) => {
    const e = await createElection(tx, w.staffA, { compoundId: w.tree.a.compound.id, kind: 'owners_committee', seats });
    for (const [residentId, position] of [
      [w.a.li, 'chair'],
      [w.a.wang, 'vice_chair'],
      [w.a.zhang, 'member'],
      [w.a.zhao, 'member'],
    ] as const)
      await addCandidate(tx, w.staffA, e.id, { residentId, position });
    let detail = e;
    for (const k of await import('./election.repository.ts').then((m) =>
      new m.ElectionRepository(tx).candidates('370785', e.id, { roster: [], sensitive: [] }),
    )) {
      await vetCandidate(tx, w.staffA, e.id, k.id, { item: 'owner_household', passed: true, note: '房产证已核' });
      detail = await vetCandidate(tx, w.staffA, e.id, k.id, { item: 'no_criminal_record', passed: true });
    }
    return detail;
  });
}

// ---- Owners' general meetings

/** Files kept in memory (the routes' FileStore in tests). */
export function memoryFiles() {
  const kept = new Map<string, Buffer>();
  return {
    kept,
    put: async (key: string, bytes: Uint8Array) => void kept.set(key, Buffer.from(bytes)),
    get: async (key: string) => kept.get(key),
    delete: async (key: string) => void kept.delete(key),
  };
}

/** A one-pixel PNG: a photographed authorisation document. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The committee world and, in community A, a compound 和园小区 whose five households (1号楼1单元
 * 101 … 105) have 50, 50, 50, 50 and 200 m² (400 m² in all), a resident context per household, and
 * a resident of compound B.
 */
export async function buildMeetingWorld(db: Db) {
  const { insertNode } = await import('@linli/people/testing');
  const { createHouseholds } = await import('@linli/territory/testing');
  const w = await buildCommitteeWorld(db);
  const compound = await insertNode(db, { parent: w.tree.a.community, kind: 'compound', name: '和园小区' });
  const building = await insertNode(db, { parent: compound, kind: 'building', name: '1号楼' });
  const entrance = await insertNode(db, { parent: building, kind: 'entrance', name: '1单元' });
  const households = await createHouseholds(db, entrance, [50, 50, 50, 50, 200], 101);
  const residents = households.map((h) => contextFor('370785', [{ role: 'resident', node: h }], `r${h.name}`));
  const residentB = contextFor('370785', [{ role: 'resident', node: w.tree.b.h101 }], 'r.b');
  return { ...w, compound, households, residents, residentB };
}

/** A meeting of 和园小区 whose vote runs from yesterday (notice 16 days before), with the given matters, noticed and open. */
export async function openMeetingWith(
  db: Db,
  w: Awaited<ReturnType<typeof buildMeetingWorld>>,
  matters: { kind: import('./vocabulary.ts').MatterKind; title: string }[],
) {
  const { createMeeting } = await import('./commands/create-meeting.ts');
  const { publishMeetingNotice } = await import('./commands/publish-meeting-notice.ts');
  const { openMeetingVote } = await import('./commands/open-meeting-vote.ts');
  return db.transaction(async (tx) => {
    const m = await createMeeting(tx, w.staffA, {
      compoundId: w.compound.id,
      kind: 'first',
      voteFrom: daysFromToday(-1),
      voteUntil: daysFromToday(10),
      matters,
    });
    await publishMeetingNotice(tx, w.staffA, m.id, { noticeOn: daysFromToday(-17) });
    return openMeetingVote(tx, w.staffA, m.id);
  });
}
