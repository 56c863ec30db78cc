import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateResolutionBody } from './contract.ts';
import { resolutionsModule } from './module.ts';
import { buildResolutionWorld, type ResolutionWorld } from './testing.ts';

let database: Database;
let app: LinliApp;
let world: ResolutionWorld;
let staff: Session;
let outsider: Session;
let resident: Session;
let neighbour: Session;
let farResident: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [resolutionsModule]);
  world = await buildResolutionWorld(database.db);
  const as = (key: keyof ResolutionWorld['accounts']) => login(app, world.accounts[key]!.username, world.accounts[key]!.password);
  staff = await as('community');
  outsider = await as('otherCommunity');
  resident = await as('resident');
  neighbour = await as('neighbour');
  const { contextOf } = await import('@linli/demands/testing');
  const far = await contextOf(database.db, world.tenantId, 'resident', world.tree.households[8]!, 'far');
  farResident = await login(app, far.account.username, far.account.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const body = (over: Partial<CreateResolutionBody> = {}): CreateResolutionBody => ({
  nodeId: world.tree.compounds[0]!.id,
  title: '增设电动车充电桩',
  decidedOn: '2026-01-15',
  proposedRule: '新增充电需求由小区议事会每季度统一议定',
  tasks: [
    { title: '选址与报装', ownerKind: 'unit', ownerName: '物业服务中心', deadline: '2026-02-20', fundingNote: '公共收益 3 万元' },
    { title: '入户告知', ownerKind: 'person', ownerName: '张楼长', ownerMemberId: world.members.leader, deadline: '2026-02-10' },
  ],
  ...over,
});

describe('resolutions HTTP API', () => {
  it('records, lists, sorts, exports and shows resolutions in scope only, and refuses bad input naming the field', async () => {
    for (const title of ['B 增设充电桩', 'A 修缮凉亭']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/resolutions', headers: staff.headers, payload: body({ title }) });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = await app.inject({ url: '/api/v1/resolutions?sort=title', headers: staff.headers });
    expect(list.json().items.map((r: { title: string }) => r.title)).toEqual(['A 修缮凉亭', 'B 增设充电桩']);
    const paged = await app.inject({ url: '/api/v1/resolutions?sort=title&limit=1', headers: staff.headers });
    const next = await app.inject({
      url: `/api/v1/resolutions?sort=title&limit=1&cursor=${encodeURIComponent(paged.json().nextCursor)}`,
      headers: staff.headers,
    });
    expect(next.json().items.map((r: { title: string }) => r.title)).toEqual(['B 增设充电桩']);
    expect((await app.inject({ url: '/api/v1/resolutions', headers: outsider.headers })).json().items).toEqual([]);
    const id = list.json().items[0].id;
    expect((await app.inject({ url: `/api/v1/resolutions/${id}`, headers: outsider.headers })).statusCode).toBe(404);
    const detail = await app.inject({ url: `/api/v1/resolutions/${id}`, headers: staff.headers });
    expect(detail.json().tasks).toHaveLength(2);
    const file = await app.inject({ url: '/api/v1/resolutions/export.xlsx', headers: staff.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const bad = await app.inject({ method: 'POST', url: '/api/v1/resolutions', headers: staff.headers, payload: { ...body(), tasks: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('tasks');
    const elsewhere = await app.inject({ method: 'POST', url: '/api/v1/resolutions', headers: outsider.headers, payload: body() });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('follows progress on the phone, evaluates monthly, publishes the notice as PDF and takes objections in the window', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/resolutions',
      headers: staff.headers,
      payload: body({ title: '楼道照明改造' }),
    });
    const r = created.json();
    const step = await app.inject({
      method: 'POST',
      url: `/api/v1/resolutions/${r.id}/tasks/${r.tasks[0].id}/progress`,
      headers: staff.headers,
      payload: { progress: 80, note: '已完成报装' },
    });
    expect(step.json().progress).toBe(40);

    const mine = await app.inject({ url: '/api/v1/me/resolutions', headers: resident.headers });
    expect(mine.json().items.map((x: { title: string }) => x.title)).toContain('楼道照明改造');
    expect((await app.inject({ url: '/api/v1/me/resolutions', headers: farResident.headers })).json().items).toEqual([]);
    expect((await app.inject({ url: `/api/v1/me/resolutions/${r.id}`, headers: farResident.headers })).statusCode).toBe(404);
    const survey = await app.inject({
      method: 'POST',
      url: `/api/v1/me/resolutions/${r.id}/survey`,
      headers: resident.headers,
      payload: { satisfaction: 'satisfied' },
    });
    expect(survey.statusCode).toBe(204);
    expect((await app.inject({ url: `/api/v1/me/resolutions/${r.id}`, headers: resident.headers })).json().survey).toEqual({
      answers: 1,
      satisfactionRate: 100,
    });
    // residents read but do not write staff lists
    expect((await app.inject({ url: '/api/v1/resolutions', headers: resident.headers })).statusCode).toBe(403);

    const schedule = await app.inject({
      method: 'POST',
      url: '/api/v1/resolution-evaluations/schedule',
      headers: staff.headers,
      payload: { month: '2026-02' },
    });
    expect(schedule.json().scheduled).toBeGreaterThan(0);
    const evaluation = await app.inject({
      method: 'POST',
      url: `/api/v1/resolutions/${r.id}/evaluations`,
      headers: neighbour.headers,
      payload: {
        month: '2026-02',
        memberId: world.members.neighbour,
        progress: 40,
        quality: 'good',
        satisfaction: 'satisfied',
        comment: '进展顺利',
      },
    });
    expect(evaluation.statusCode, evaluation.body).toBe(200);
    const owner = await app.inject({
      method: 'POST',
      url: `/api/v1/resolutions/${r.id}/evaluations`,
      headers: staff.headers,
      payload: { month: '2026-03', memberId: world.members.leader, progress: 40, quality: 'good', satisfaction: 'satisfied' },
    });
    expect(owner.statusCode).toBe(403);
    const grid = await app.inject({ url: '/api/v1/resolution-evaluations/grid?from=2026-01&to=2026-03', headers: staff.headers });
    expect(grid.json().rows.find((x: { resolutionId: string }) => x.resolutionId === r.id).cells[0].state).toBe('evaluated_late');
    const late = await app.inject({ url: '/api/v1/resolution-evaluations/late', headers: staff.headers });
    expect(late.json().items.every((x: { resolutionId: string }) => x.resolutionId !== r.id)).toBe(true);

    const published = await app.inject({
      method: 'POST',
      url: '/api/v1/resolution-publications',
      headers: staff.headers,
      payload: { nodeId: world.tree.compounds[0]!.id, month: '2026-02', objectionDays: 7 },
    });
    expect(published.statusCode, published.body).toBe(201);
    const notice = published.json();
    expect(notice.entries.find((e: { resolutionId: string }) => e.resolutionId === r.id).evaluation.comment).toBe('进展顺利');
    const pdf = await app.inject({ url: `/api/v1/resolution-publications/${notice.id}/notice.pdf`, headers: staff.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const onPhone = await app.inject({ url: '/api/v1/resolution-publications', headers: resident.headers });
    expect(onPhone.json().items.map((p: { id: string }) => p.id)).toEqual([notice.id]);
    expect((await app.inject({ url: '/api/v1/resolution-publications', headers: farResident.headers })).json().items).toEqual([]);
    const objection = await app.inject({
      method: 'POST',
      url: `/api/v1/resolution-publications/${notice.id}/objections`,
      headers: resident.headers,
      payload: { text: '照明亮度不够', resolutionId: r.id },
    });
    expect(objection.statusCode, objection.body).toBe(201);
    const far = await app.inject({
      method: 'POST',
      url: `/api/v1/resolution-publications/${notice.id}/objections`,
      headers: farResident.headers,
      payload: { text: '越权' },
    });
    expect(far.statusCode).toBe(404);
    await database.query(
      "UPDATE resolution_publication SET published_at = now() - interval '8 days', objection_until = now() - interval '1 day' WHERE id = $1",
      [notice.id],
    );
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/resolution-publications/${notice.id}/objections`,
      headers: { ...resident.headers, 'accept-language': 'zh-CN' },
      payload: { text: '迟到的异议' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('异议期');
    const objections = await app.inject({ url: `/api/v1/resolution-publications/${notice.id}/objections`, headers: staff.headers });
    expect(objections.json().items.map((o: { text: string }) => o.text)).toEqual(['照明亮度不够']);
  });

  it('compiles good ideas into the county report and gives the figures per period and per street', async () => {
    const idea = await app.inject({
      method: 'POST',
      url: '/api/v1/resolution-ideas',
      headers: staff.headers,
      payload: { nodeId: world.tree.compounds[0]!.id, kind: 'golden_idea', text: '充电桩收益反哺楼道照明' },
    });
    expect(idea.statusCode, idea.body).toBe(201);
    const report = await app.inject({ url: '/api/v1/resolution-ideas/report.xlsx?markReported=true', headers: staff.headers });
    expect(report.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ideas = await app.inject({ url: '/api/v1/resolution-ideas', headers: staff.headers });
    expect(ideas.json().items[0].reportedOn).not.toBeNull();
    const figures = await app.inject({ url: '/api/v1/resolution-figures?from=2026-01-01&to=2026-12-31', headers: staff.headers });
    expect(figures.json()).toMatchObject({ resolutions: 3, completed: 0, completionRate: 0, satisfactionRate: 100 });
    const quarterly = await app.inject({ url: '/api/v1/resolution-figures/quarterly?year=2026', headers: staff.headers });
    expect(quarterly.json().items).toEqual([expect.objectContaining({ subdistrictName: '第1街道', quarter: 1, resolutions: 3 })]);
    expect(
      (await app.inject({ url: '/api/v1/resolution-figures?from=2026-01-01&to=2026-12-31', headers: outsider.headers })).json().resolutions,
    ).toBe(0);
  });
});

// Last: its resolution would change the figures the tests above count.
describe('the public page of notices', () => {
  it('shows a place’s notices on a public page without sign-in, numbers masked, with the printable notice', async () => {
    const compound = world.tree.compounds[0]!;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/resolutions',
      headers: staff.headers,
      payload: body({ title: '修缮凉亭（联系人13912345678）', decidedOn: '2026-04-02' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    const evaluated = await app.inject({
      method: 'POST',
      url: `/api/v1/resolutions/${r.id}/evaluations`,
      headers: neighbour.headers,
      payload: {
        month: '2026-05',
        memberId: world.members.neighbour,
        progress: 60,
        quality: 'good',
        satisfaction: 'satisfied',
        comment: '有问题请打13812345678',
      },
    });
    expect(evaluated.statusCode, evaluated.body).toBe(200);
    const published = await app.inject({
      method: 'POST',
      url: '/api/v1/resolution-publications',
      headers: staff.headers,
      payload: { nodeId: compound.id, month: '2026-05', objectionDays: 7 },
    });
    expect(published.statusCode, published.body).toBe(201);

    // A building under the compound shows the compound's notices (and the places' above), newest first.
    const page = await app.inject(`/api/v1/public/tenants/${world.tenantId}/places/${compound.id}/resolution-notices`);
    expect(page.statusCode, page.body).toBe(200);
    const notices = page.json();
    expect(notices.placeName).toBe(compound.name);
    expect(notices.items[0]).toMatchObject({ id: published.json().id, month: '2026-05', open: true });
    const entry = notices.items[0].entries.find((e: { resolutionId: string }) => e.resolutionId === r.id);
    expect(entry.title).not.toContain('13912345678');
    expect(entry.evaluation.comment).toContain('有问题请打');
    expect(entry.evaluation.comment).not.toContain('13812345678');
    expect(page.body).not.toContain('李阿姨');
    const pdf = await app.inject(notices.items[0].pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // A place of another county, a household, a crafted tenant: answered like unknown places.
    for (const url of [
      `/api/v1/public/tenants/532601/places/${compound.id}/resolution-notices`,
      `/api/v1/public/tenants/${world.tenantId}/places/${world.tree.households[0]!.id}/resolution-notices`,
      `/api/v1/public/tenants/532601/resolution-notices/${published.json().id}/notice.pdf`,
    ]) {
      expect((await app.inject(url)).statusCode, url).toBe(404);
    }
    expect((await app.inject(`/api/v1/public/tenants/x%00/places/${compound.id}/resolution-notices`)).statusCode).toBe(400);
  });
});

describe('the evaluations a committee member owes, on their phone', () => {
  const due = async (session: Session) => {
    const res = await app.inject({ url: '/api/v1/me/evaluations-due', headers: session.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { resolutionId: string; month: string; state: string; memberId: string; ownsTask: boolean }[];
  };

  it('lists this month’s evaluations with the caller’s own seat, to members only and never beyond their places', async () => {
    const month = (await database.query<{ m: string }>("SELECT to_char(current_date, 'YYYY-MM') AS m"))[0]!.m;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/resolutions',
      headers: staff.headers,
      payload: body({ title: '疏通雨水管' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    // a resolution whose task the neighbour owns: listed, marked, and refused by the server
    const owned = await app.inject({
      method: 'POST',
      url: '/api/v1/resolutions',
      headers: staff.headers,
      payload: body({
        title: '楼道杂物清理',
        tasks: [
          { title: '动员住户', ownerKind: 'person', ownerName: '李阿姨', ownerMemberId: world.members.neighbour, deadline: '2026-12-31' },
        ],
      }),
    });
    expect(owned.statusCode, owned.body).toBe(201);

    // another community's resolution, even with the neighbour's account put on its committee, never shows
    const otherCompound = world.tree.compounds.find((c) => c.path.startsWith(`${world.tree.communities[2]!.path}.`))!;
    const committee = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision-committees',
      headers: outsider.headers,
      payload: { nodeId: otherCompound.id },
    });
    expect(committee.statusCode, committee.body).toBe(201);
    await database.query(
      `INSERT INTO supervision_member (tenant_id, id, committee_id, name, kind, account_id)
       VALUES ($1, gen_random_uuid(), $2, '李阿姨', 'resident_rep', $3)`,
      [world.tenantId, committee.json().id, world.ctx.neighbour.actor.accountId],
    );
    const far = await app.inject({
      method: 'POST',
      url: '/api/v1/resolutions',
      headers: outsider.headers,
      payload: body({ nodeId: otherCompound.id, title: '外社区决议', tasks: [body().tasks[0]!] }),
    });
    expect(far.statusCode, far.body).toBe(201);
    expect(far.json().committeeId).toBe(committee.json().id);

    const items = await due(neighbour);
    const mine = items.find((i) => i.resolutionId === r.id && i.month === month);
    expect(mine).toMatchObject({ memberId: world.members.neighbour, state: 'due', ownsTask: false });
    expect(items.find((i) => i.resolutionId === owned.json().id)).toMatchObject({ ownsTask: true });
    expect(items.some((i) => i.resolutionId === far.json().id)).toBe(false);
    expect(items.every((i) => i.memberId === world.members.neighbour)).toBe(true);
    // the resident of the same compound sits on no committee; the far resident neither
    expect(await due(resident)).toEqual([]);
    expect(await due(farResident)).toEqual([]);

    const evaluate = (id: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/resolutions/${id}/evaluations`,
        headers: neighbour.headers,
        payload: { month, memberId: mine!.memberId, progress: 10, quality: 'fair', satisfaction: 'basically_satisfied', comment: '刚开工' },
      });
    expect((await evaluate(owned.json().id)).statusCode).toBe(403);
    const done = await evaluate(r.id);
    expect(done.statusCode, done.body).toBe(200);
    expect((await due(neighbour)).find((i) => i.resolutionId === r.id && i.month === month)).toMatchObject({ state: 'on_time' });
  });
});
