import { newId } from '@linli/core';
import { type Database, one } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { insertPartyOrg } from '@linli/party/testing';
import type { TestNode } from '@linli/territory/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkCount } from './contract.ts';
import { readResidentHome, readWorkbench } from './workbench.ts';

// Two counties. In the first the deadlines are set around the database's clock (the inbox tabs
// count against now(); a deadline is due soon in the last quarter of its time, 24 hours at most);
// in the second everything happens in May and June 2030 and the workbench is read as of 15 June
// 2030 12:00 in Shanghai, so "today", this month and last month are fixed days.

let database: Database;
let live: DemandWorld;
let fixed: DemandWorld;
let publicCategory: { live: string; fixed: string };

const HOUR = 3_600_000;
const REPORTER = { name: '王小明', phone: '13812345678', masked: '138****5678' };
let serial = 0;

interface Fixture {
  node: TestNode;
  status: string;
  submittedAt: Date;
  responseDue?: Date;
  resolveDue?: Date;
  respondedAt?: Date | null;
  resolvedAt?: Date | null;
  satisfaction?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  handling?: TestNode;
  callbackAt?: Date;
  reporterAccountId?: string;
  title?: string;
}

/** A demand row as the commands would leave it (a caller with name and phone unless a resident account is given). */
async function insert(world: DemandWorld, category: string, f: Fixture): Promise<string> {
  const id = newId();
  const resident = f.reporterAccountId !== undefined;
  const accepted = !['submitted', 'rejected'].includes(f.status);
  await database.db.execute(sql`INSERT INTO demand (tenant_id, id, number, channel, type, category_id, title, description, node_id, node_path,
      reporter_kind, reporter_account_id, reporter_name, reporter_phone_hash, reporter_phone_masked, status, level,
      response_due_at, resolve_due_at, submitted_at, responded_at, resolved_at, evaluated_at, closed_at, satisfaction,
      handling_node_id, handling_path, callback_at)
    VALUES (${world.tenantId}, ${id}::uuid, ${`W-${++serial}`}, 'hotline_12345', 'complaint', ${category}::uuid,
      ${f.title ?? '楼道灯不亮'}, ${`${REPORTER.name}反映楼道灯不亮，电话${REPORTER.phone}`}, ${f.node.id}::uuid, ${f.node.path}::ltree,
      ${resident ? 'resident' : 'caller'}, ${f.reporterAccountId ?? null}::uuid, ${resident ? null : REPORTER.name},
      ${resident ? null : 'hash'}, ${resident ? null : REPORTER.masked}, ${f.status}, 'compound',
      ${(f.responseDue ?? new Date(f.submittedAt.getTime() + 24 * HOUR)).toISOString()}::timestamptz,
      ${(f.resolveDue ?? new Date(f.submittedAt.getTime() + 120 * HOUR)).toISOString()}::timestamptz,
      ${f.submittedAt.toISOString()}::timestamptz,
      ${f.respondedAt === undefined ? (accepted || f.status === 'rejected' ? f.submittedAt.toISOString() : null) : (f.respondedAt?.toISOString() ?? null)}::timestamptz,
      ${f.resolvedAt?.toISOString() ?? null}::timestamptz,
      ${f.satisfaction ? f.resolvedAt?.toISOString() : null}::timestamptz,
      ${f.status === 'closed' ? f.resolvedAt?.toISOString() : null}::timestamptz,
      ${f.satisfaction ?? null}, ${f.handling?.id ?? null}::uuid, ${f.handling?.path ?? null}::ltree,
      ${f.callbackAt?.toISOString() ?? null}::timestamptz)`);
  return id;
}

const householdIn = (world: DemandWorld, place: TestNode, nth = 0) =>
  world.tree.households.filter((h) => h.path.startsWith(`${place.path}.`))[nth]!;

const countsOf = (counts: WorkCount[]) => Object.fromEntries(counts.map((c) => [c.kind, c.count]));

async function publicCategoryOf(world: DemandWorld): Promise<string> {
  const row = await one<{ id: string }>(
    database.db,
    sql`SELECT id FROM demand_category WHERE tenant_id = ${world.tenantId} AND is_public AND parent_id IS NOT NULL ORDER BY code LIMIT 1`,
  );
  return row!.id;
}

async function notify(world: DemandWorld, recipientId: string, title: string, read: boolean) {
  await database.db.execute(sql`INSERT INTO notification (tenant_id, id, recipient_id, event_id, event_type, message_key, title, body, read_at)
    VALUES (${world.tenantId}, ${newId()}::uuid, ${recipientId}::uuid, ${newId()}::uuid, 'demand.dispatched', 'demand.dispatched',
      ${title}, ${title}, ${read ? new Date().toISOString() : null}::timestamptz)`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  live = await buildDemandWorld(database.db, '370785');
  fixed = await buildDemandWorld(database.db, '370786');
  publicCategory = { live: await publicCategoryOf(live), fixed: await publicCategoryOf(fixed) };
});

afterAll(async () => {
  await database?.close();
});

describe('the work that waits (counts against the clock)', () => {
  beforeAll(async () => {
    const now = Date.now();
    const t = (hours: number) => new Date(now + hours * HOUR);
    const a = live.tree.communities[0]!;
    const b = live.tree.communities[2]!;
    const [compoundA, compoundA2] = [live.tree.compounds[0]!, live.tree.compounds[1]!];
    const compoundB = live.tree.compounds[4]!;
    const add = (f: Fixture) => insert(live, publicCategory.live, f);
    // Community A
    await add({ node: householdIn(live, a), status: 'submitted', submittedAt: t(-1), responseDue: t(30) });
    await add({ node: householdIn(live, a, 1), status: 'submitted', submittedAt: t(-2), responseDue: t(30) });
    await add({ node: householdIn(live, a), status: 'accepted', submittedAt: t(-3), resolveDue: t(72) });
    await add({ node: householdIn(live, a), status: 'returned', submittedAt: t(-200), resolveDue: t(-48) });
    await add({ node: householdIn(live, a), status: 'dispatched', submittedAt: t(-100), resolveDue: t(5), handling: compoundA });
    await add({ node: householdIn(live, a), status: 'resolved', submittedAt: t(-50), resolvedAt: t(-5) });
    await add({
      node: householdIn(live, a),
      status: 'evaluated',
      submittedAt: t(-60),
      resolvedAt: t(-6),
      satisfaction: 'satisfied',
      callbackAt: t(-5),
    });
    await add({
      node: householdIn(live, a),
      status: 'closed',
      submittedAt: t(-70),
      resolvedAt: t(-7),
      satisfaction: 'satisfied',
      callbackAt: t(-6),
    });
    // The resident's own: one being handled elsewhere in the community, one resolved and called back, one closed.
    const resident = live.ctx.resident.actor.accountId;
    await add({
      node: live.tree.households[0]!,
      status: 'dispatched',
      submittedAt: t(-8),
      resolveDue: t(100),
      handling: compoundA2,
      reporterAccountId: resident,
      title: '小区路灯不亮',
    });
    await add({
      node: live.tree.households[0]!,
      status: 'resolved',
      submittedAt: t(-9),
      resolvedAt: t(-1),
      callbackAt: t(-1),
      reporterAccountId: resident,
      title: '垃圾桶满了',
    });
    await add({
      node: live.tree.households[0]!,
      status: 'closed',
      submittedAt: t(-90),
      resolvedAt: t(-80),
      satisfaction: 'satisfied',
      callbackAt: t(-79),
      reporterAccountId: resident,
    });
    // Community B (another subdistrict)
    await add({ node: householdIn(live, b), status: 'submitted', submittedAt: t(-1), responseDue: t(30) });
    await add({ node: householdIn(live, b), status: 'in_progress', submittedAt: t(-150), resolveDue: t(-10), handling: compoundB });
    await add({ node: householdIn(live, b), status: 'resolved', submittedAt: t(-40), resolvedAt: t(-2) });
    await add({ node: householdIn(live, b), status: 'dispatched', submittedAt: t(-100), resolveDue: t(3), handling: compoundB });
  });

  it('a community worker counts the work of their community only', async () => {
    const wb = await readWorkbench(database.db, live.ctx.community.actor);
    expect(countsOf(wb.counts)).toEqual({ to_accept: 2, to_dispatch: 2, due_soon: 1, overdue: 1, to_callback: 1, unread_notices: 0 });
    expect(wb.counts.every((c) => !c.more)).toBe(true);
  });

  it('the county counts the work of every community', async () => {
    const wb = await readWorkbench(database.db, live.ctx.county.actor);
    expect(countsOf(wb.counts)).toEqual({ to_accept: 3, to_dispatch: 2, due_soon: 2, overdue: 2, to_callback: 2, unread_notices: 0 });
  });

  it('property staff count what was dispatched to their compound, without the desks they do not hold', async () => {
    const wb = await readWorkbench(database.db, live.ctx.property.actor);
    expect(countsOf(wb.counts)).toEqual({ in_progress: 1, due_soon: 1, overdue: 0, unread_notices: 0 });
  });

  it('counts unread notices and lists the newest, for every role', async () => {
    const volunteer = await contextOf(database.db, live.tenantId, 'volunteer', live.tree.communities[0]!, 'volunteer');
    await notify(live, volunteer.account.id, '社区志愿服务活动通知', false);
    await notify(live, volunteer.account.id, '周六清扫楼道', false);
    await notify(live, volunteer.account.id, '已读的一条', true);
    await notify(live, live.ctx.community.actor.accountId, '别人的通知', false);
    const wb = await readWorkbench(database.db, volunteer.ctx.actor);
    expect(wb.counts).toEqual([{ kind: 'unread_notices', count: 2, more: false }]);
    expect(wb.notices.unread).toBe(2);
    expect(wb.notices.latest.map((n) => [n.title, n.read])).toEqual([
      ['已读的一条', true],
      ['周六清扫楼道', false],
      ['社区志愿服务活动通知', false],
    ]);
    expect(wb.today).toBeNull();
    expect(wb.figures).toBeNull();
    expect(wb.territory).toBeNull();
    expect(wb.compounds).toEqual([]);
  });

  it('the resident home: the full address, their open demands, their community board', async () => {
    const home = await readResidentHome(database.db, live.ctx.resident.actor);
    expect(home.homes).toEqual([
      {
        householdId: live.tree.households[0]!.id,
        community: '第1社区',
        compound: '第1小区',
        building: '1号楼',
        entrance: '1单元',
        room: '101',
        full: '第1街道 第1社区 第1小区 1号楼 1单元 101',
      },
    ]);
    expect(home.openDemands.total).toBe(2);
    expect(home.openDemands.items.map((d) => [d.title, d.status])).toEqual([
      ['小区路灯不亮', 'dispatched'],
      ['垃圾桶满了', 'resolved'],
    ]);
    expect(home.board?.ref).toEqual({ tenantId: live.tenantId, communityId: live.tree.communities[0]!.id, communityName: '第1社区' });
    // The three latest resolved public demands of community A (not B's), newest resolution first.
    expect(home.board?.items.map((i) => i.title)).toEqual(['垃圾桶满了', '楼道灯不亮', '楼道灯不亮']);
    expect(JSON.stringify(home)).not.toContain(REPORTER.name);
    expect(JSON.stringify(home)).not.toContain(REPORTER.phone);
  });

  it('a neighbour sees their own home and none of the resident’s demands', async () => {
    const home = await readResidentHome(database.db, live.ctx.neighbour.actor);
    expect(home.homes.map((h) => h.room)).toEqual(['201']);
    expect(home.openDemands).toEqual({ total: 0, items: [] });
  });
});

describe('today, the figures and the territory (as of 15 June 2030)', () => {
  const now = new Date('2030-06-15T12:00:00+08:00');
  const d = (iso: string) => new Date(`${iso}+08:00`);

  beforeAll(async () => {
    const a = fixed.tree.communities[0]!;
    const b = fixed.tree.communities[2]!;
    const inA = fixed.tree.households[0]!; // compounds[0]
    const inA2 = householdIn(fixed, fixed.tree.compounds[1]!); // community A, another compound
    const inB = householdIn(fixed, b);
    expect(inA.path.startsWith(a.path)).toBe(true);
    const add = (f: Fixture) => insert(fixed, publicCategory.fixed, f);
    // June 2030, community A
    await add({
      node: inA,
      status: 'evaluated',
      submittedAt: d('2030-06-02T10:00:00'),
      resolvedAt: d('2030-06-04T10:00:00'),
      satisfaction: 'satisfied',
      title: '六月一',
    });
    await add({
      node: inA,
      status: 'evaluated',
      submittedAt: d('2030-06-03T10:00:00'),
      resolvedAt: d('2030-06-05T10:00:00'),
      satisfaction: 'dissatisfied',
      title: '六月二',
    });
    await add({
      node: inA,
      status: 'accepted',
      submittedAt: d('2030-06-10T10:00:00'),
      resolveDue: d('2030-06-15T18:00:00'),
      title: '今天办结到期',
    });
    await add({
      node: inA,
      status: 'submitted',
      submittedAt: d('2030-06-14T10:00:00'),
      responseDue: d('2030-06-15T09:00:00'),
      title: '今天响应到期',
    });
    await add({
      node: inA,
      status: 'dispatched',
      submittedAt: d('2030-06-12T10:00:00'),
      resolveDue: d('2030-06-16T10:00:00'),
      handling: fixed.tree.compounds[0]!,
    });
    await add({ node: inA2, status: 'rejected', submittedAt: d('2030-06-05T10:00:00') });
    // May 2030, community A
    await add({
      node: inA,
      status: 'closed',
      submittedAt: d('2030-05-10T10:00:00'),
      resolvedAt: d('2030-05-12T10:00:00'),
      satisfaction: 'satisfied',
      title: '五月一',
    });
    await add({
      node: inA,
      status: 'evaluated',
      submittedAt: d('2030-05-20T10:00:00'),
      resolvedAt: d('2030-05-22T10:00:00'),
      satisfaction: 'basically_satisfied',
      title: '五月二',
    });
    await add({
      node: inA,
      status: 'in_progress',
      submittedAt: d('2030-05-25T10:00:00'),
      resolveDue: d('2030-06-20T10:00:00'),
      handling: fixed.tree.compounds[0]!,
    });
    // June 2030, community B (the other subdistrict)
    await add({
      node: inB,
      status: 'evaluated',
      submittedAt: d('2030-06-04T10:00:00'),
      resolvedAt: d('2030-06-06T10:00:00'),
      satisfaction: 'satisfied',
    });
    await add({
      node: inB,
      status: 'accepted',
      submittedAt: d('2030-06-08T10:00:00'),
      resolveDue: d('2030-06-15T15:00:00'),
      title: 'B今天到期',
    });
    // March 2030, community B: counts for the year only
    await add({
      node: inB,
      status: 'closed',
      submittedAt: d('2030-03-08T10:00:00'),
      resolvedAt: d('2030-03-09T10:00:00'),
      satisfaction: 'satisfied',
    });
    // A demand of 2029 counts nowhere; one still waiting since then, with a phone in its title, is open in compound 1.
    await add({ node: inA, status: 'submitted', submittedAt: d('2029-12-20T10:00:00'), title: '请回电13900001111' });
    await add({
      node: inA,
      status: 'closed',
      submittedAt: d('2029-12-30T10:00:00'),
      resolvedAt: d('2029-12-31T10:00:00'),
      satisfaction: 'satisfied',
    });
    // Party organisations: branches in compounds 0, 1 (subdistrict 1) and 5 (subdistrict 2), groups in buildings 0 and 3,
    // member households 0, 1 (subdistrict 1) and 40 (subdistrict 2).
    const t = fixed.tree;
    const committee = await insertPartyOrg(database.db, { node: t.subdistricts[0]!, kind: 'subdistrict_committee', name: '街道党工委' });
    const org = (node: TestNode, kind: 'compound_branch' | 'building_group' | 'member_household', name: string) =>
      insertPartyOrg(database.db, { node, kind, name, parent: committee });
    await org(t.compounds[0]!, 'compound_branch', '一小区党支部');
    await org(t.compounds[1]!, 'compound_branch', '二小区党支部');
    await org(t.compounds[5]!, 'compound_branch', '六小区党支部');
    await org(t.buildings[0]!, 'building_group', '1号楼党小组');
    await org(t.buildings[3]!, 'building_group', '4号楼党小组');
    await org(t.households[0]!, 'member_household', '中心户一');
    await org(t.households[1]!, 'member_household', '中心户二');
    await org(t.households[40]!, 'member_household', '中心户三');
  });

  it('a community worker: today’s deadlines and this month against last month, of their community only', async () => {
    const wb = await readWorkbench(database.db, fixed.ctx.community.actor, now);
    expect(wb.today).toMatchObject({ day: '2030-06-15', total: 2 });
    expect(wb.today?.items.map((i) => [i.title, i.deadline, i.dueAt])).toEqual([
      ['今天响应到期', 'response', d('2030-06-15T09:00:00').toISOString()],
      ['今天办结到期', 'resolution', d('2030-06-15T18:00:00').toISOString()],
    ]);
    // June: 6 submitted, 4 accepted (not the submitted one, not the rejected one), 2 resolved, 2 evaluated of which 1 satisfied.
    expect(wb.figures?.thisMonth).toEqual({
      from: '2030-06-01',
      to: '2030-06-15',
      submitted: 6,
      accepted: 4,
      resolved: 2,
      resolutionRate: 0.5,
      evaluated: 2,
      satisfiedOrBasically: 1,
      satisfactionRate: 0.5,
    });
    // May: 3 submitted and accepted, 2 resolved, both evaluated satisfied or basically.
    expect(wb.figures?.lastMonth).toEqual({
      from: '2030-05-01',
      to: '2030-05-31',
      submitted: 3,
      accepted: 3,
      resolved: 2,
      resolutionRate: 0.6667,
      evaluated: 2,
      satisfiedOrBasically: 2,
      satisfactionRate: 1,
    });
    expect(wb.territory).toBeNull();
  });

  it('the county: every community’s deadlines and figures, and the territory in the terms of its reports', async () => {
    const wb = await readWorkbench(database.db, fixed.ctx.county.actor, now);
    expect(wb.today?.items.map((i) => i.title)).toEqual(['今天响应到期', 'B今天到期', '今天办结到期']);
    expect(wb.figures?.thisMonth).toMatchObject({
      submitted: 8,
      accepted: 6,
      resolved: 3,
      resolutionRate: 0.5,
      evaluated: 3,
      satisfiedOrBasically: 2,
      satisfactionRate: 0.6667,
    });
    expect(wb.territory).toEqual({
      compounds: 8,
      compoundBranches: 3,
      buildings: 16,
      buildingGroups: 2,
      memberHouseholds: 3,
      year: { from: '2030-01-01', to: '2030-06-15', submitted: 12, resolved: 6 },
    });
  });

  it('a subdistrict: its own compounds, branches, groups, member households and demands', async () => {
    const wb = await readWorkbench(database.db, fixed.ctx.subdistrict.actor, now);
    expect(wb.territory).toEqual({
      compounds: 4,
      compoundBranches: 2,
      buildings: 8,
      buildingGroups: 2,
      memberHouseholds: 2,
      year: { from: '2030-01-01', to: '2030-06-15', submitted: 9, resolved: 4 },
    });
  });

  it('an owners’ committee member: the figures and public board of their compound, no inbox', async () => {
    const member = await contextOf(database.db, fixed.tenantId, 'owners_committee_member', fixed.tree.compounds[0]!, 'committee');
    const wb = await readWorkbench(database.db, member.ctx.actor, now);
    expect(wb.counts.map((c) => c.kind)).toEqual(['unread_notices']);
    expect(wb.today).toBeNull();
    expect(wb.figures).toBeNull();
    expect(wb.compounds).toHaveLength(1);
    const [view] = wb.compounds;
    expect(view?.compound).toEqual({ id: fixed.tree.compounds[0]!.id, kind: 'compound', name: '第1小区' });
    // June in compound 1: the rejected demand was in compound 2.
    expect(view?.figures.thisMonth).toMatchObject({ submitted: 5, accepted: 4, resolved: 2, satisfactionRate: 0.5 });
    expect(view?.board.map((e) => e.title)).toEqual(['六月二', '六月一', '五月二', '五月一', '楼道灯不亮']);
    // Its public demands still being handled, newest first, the phone in a title masked.
    expect(view?.open.total).toBe(5);
    expect(view?.open.items.map((o) => [o.title.startsWith('请回电') ? '请回电…' : o.title, o.status])).toEqual([
      ['今天响应到期', 'submitted'],
      ['楼道灯不亮', 'dispatched'],
      ['今天办结到期', 'accepted'],
      ['楼道灯不亮', 'in_progress'],
      ['请回电…', 'submitted'],
    ]);
    expect(view?.open.items.at(-1)?.title).not.toContain('13900001111');
    expect(view?.boardRef).toEqual({ tenantId: fixed.tenantId, communityId: fixed.tree.communities[0]!.id, communityName: '第1社区' });
  });

  it('shows nobody’s name or phone, to any role', async () => {
    const member = await contextOf(database.db, fixed.tenantId, 'owners_committee_member', fixed.tree.compounds[0]!, 'committee2');
    for (const actor of [fixed.ctx.county.actor, fixed.ctx.community.actor, fixed.ctx.property.actor, member.ctx.actor]) {
      const text = JSON.stringify(await readWorkbench(database.db, actor, now));
      expect(text).not.toContain(REPORTER.name);
      expect(text).not.toContain(REPORTER.phone);
      expect(text).not.toContain(REPORTER.masked);
    }
  });
});
