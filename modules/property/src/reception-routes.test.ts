import { createAccount } from '@linli/accounts/testing';
import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { ownersCommitteesModule } from '@linli/owners-committees';
import { buildCommitteeWorld } from '@linli/owners-committees/testing';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { propertyModule } from './module.ts';

// 物业经理接待日 over HTTP: scheduled for the company serving the compound, questions recorded by
// household (never a name), one turned into a walk-in demand in the demands module, closed as held.

let database: Database;
let app: LinliApp;
let world: Awaited<ReturnType<typeof buildCommitteeWorld>>;
let staffA: Session;
let staffB: Session;
let categoryId: string;
const api = '/api/v1/property';
/** A China day `days` from today (reception days ahead stay ahead whenever the test runs). */
const dayAhead = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const nextWeek = dayAhead(7);

async function call(session: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  return app.inject({ method, url: `${api}${url}`, headers: session.headers, payload });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [propertyModule, ownersCommitteesModule]);
  world = await buildCommitteeWorld(database.db);
  const { tree } = world;
  const account = async (username: string, nodeId: string) => {
    const made = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role: 'community_staff', nodeId }] });
    return login(app, made.username, made.password);
  };
  staffA = await account('reception.a', tree.a.community.id);
  staffB = await account('reception.b', tree.b.community.id);
  const company = (await call(staffA, 'POST', '/companies', { communityId: tree.a.community.id, name: '凤凰物业', kind: 'market' })).json();
  const contract = await call(staffA, 'POST', '/contracts', {
    companyId: company.id,
    compoundId: tree.a.compound.id,
    startsOn: '2025-01-01',
    feePerM2Month: 0.8,
  });
  expect(contract.statusCode, contract.body).toBe(201);
  const [category] = await database.query<{ id: string }>(
    "SELECT id FROM demand_category WHERE tenant_id = '370785' ORDER BY code LIMIT 1",
  );
  categoryId = category!.id;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('reception days over HTTP', () => {
  it('schedules a day for the serving company, records questions by household, turns one into a demand once, closes it', async () => {
    const { tree } = world;
    const made = await call(staffA, 'POST', '/reception-days', {
      compoundId: tree.a.compound.id,
      heldOn: nextWeek,
      hours: '09:00-11:30',
      place: '小区物业服务中心',
      hostName: '赵经理',
    });
    expect(made.statusCode, made.body).toBe(201);
    const day = made.json();
    expect(day).toMatchObject({ companyName: '凤凰物业', status: 'scheduled', questions: 0, compoundName: tree.a.compound.name });
    // The compound's residents see it coming on their phone.
    const resident = await createAccount(database.db, {
      tenantId: '370785',
      username: 'reception.res',
      grants: [{ role: 'resident', nodeId: tree.a.h102.id }],
    });
    const mine = await app.inject({
      url: '/api/v1/me/property',
      headers: (await login(app, resident.username, resident.password)).headers,
    });
    expect(mine.json().compounds[0].receptionDays).toEqual([
      { heldOn: nextWeek, hours: '09:00-11:30', place: '小区物业服务中心', hostName: '赵经理' },
    ]);

    const asked = await call(staffA, 'POST', `/reception-days/${day.id}/questions`, {
      householdId: tree.a.h101.id,
      question: '  3号楼楼道灯坏了两周没人修  ',
      answer: '本周内更换',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const [question] = asked.json().questionList;
    expect(question).toMatchObject({
      question: '3号楼楼道灯坏了两周没人修',
      answer: '本周内更换',
      householdId: tree.a.h101.id,
      demandId: null,
    });
    expect(question.householdName).toContain('101');
    expect(asked.body).not.toContain('李建国');
    // A phone number spoken into a question is masked on screen.
    const spoken = await call(staffA, 'POST', `/reception-days/${day.id}/questions`, { question: '请回电13912345678，电梯坏了' });
    expect(spoken.body).not.toContain('13912345678');
    expect(spoken.json().questionList[1].question).toContain('139****5678');

    const turned = await call(staffA, 'POST', `/reception-days/${day.id}/questions/${question.id}/demand`, { categoryId });
    expect(turned.statusCode, turned.body).toBe(201);
    const linked = turned.json().questionList[0];
    expect(linked.demandNumber).toBeTruthy();
    const [demand] = await database.query<{ channel: string; node_id: string; description: string }>(
      `SELECT channel, node_id, description FROM demand WHERE tenant_id = '370785' AND id = '${linked.demandId}'`,
    );
    expect(demand).toMatchObject({ channel: 'walk_in', node_id: tree.a.h101.id });
    expect(demand?.description).toContain(`${nextWeek} 物业经理接待日，凤凰物业`);
    const [event] = await database.query<{ action: string }>(
      `SELECT action FROM demand_event WHERE tenant_id = '370785' AND demand_id = '${linked.demandId}' AND action = 'from_reception_day'`,
    );
    expect(event?.action).toBe('from_reception_day');
    // A second time is refused and makes no second demand.
    const again = await call(staffA, 'POST', `/reception-days/${day.id}/questions/${question.id}/demand`, { categoryId });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain(linked.demandNumber);
    const [n] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM demand WHERE tenant_id = '370785' AND description LIKE '%物业经理接待日%'`,
    );
    expect(n?.n).toBe(1);

    const held = await call(staffA, 'POST', `/reception-days/${day.id}/end`, {
      status: 'held',
      summary: '接待居民 6 人，当场答复 5 个问题',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({ status: 'held', questions: 2, demands: 1 });
    expect((await call(staffA, 'POST', `/reception-days/${day.id}/end`, { status: 'cancelled' })).statusCode).toBe(409);

    const list = await call(staffA, 'GET', `/reception-days?nodeId=${tree.a.community.id}&status=held&sort=heldOn`);
    expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([day.id]);
    expect((await call(staffA, 'GET', '/reception-days?status=scheduled')).json().items).toEqual([]);
    const file = await call(staffA, 'GET', '/reception-days/export.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.getRow(2).getCell(5).value).toBe('凤凰物业');
    expect(book.worksheets[0]?.getRow(2).getCell(8).value).toBe('已接待');
  });

  it('refuses a compound without a company, a household of another compound, bad hours, another community’s day and a cancelled day', async () => {
    const { tree } = world;
    const noCompany = await call(staffB, 'POST', '/reception-days', {
      compoundId: tree.b.compound.id,
      heldOn: '2026-12-10',
      hours: '09:00-11:00',
      place: '活动室',
      hostName: '钱经理',
    });
    // 康成 has no profile at all: not found, like an id of nowhere; with a profile but no company: said so.
    expect(noCompany.statusCode).toBe(404);
    const profiled = await app.inject({
      method: 'PUT',
      url: `${api}/compounds/${tree.b.compound.id}`,
      headers: staffB.headers,
      payload: { floorAreaM2: 5000 },
    });
    expect(profiled.statusCode, profiled.body).toBe(200);
    const unmanaged = await call(staffB, 'POST', '/reception-days', {
      compoundId: tree.b.compound.id,
      heldOn: '2026-12-10',
      hours: '09:00-11:00',
      place: '活动室',
      hostName: '钱经理',
    });
    expect(unmanaged.statusCode).toBe(400);
    expect(unmanaged.json().error.message).toBe(`No property company serves ${tree.b.compound.name}: register its contract first`);
    const base = { compoundId: tree.a.compound.id, heldOn: '2026-12-17', place: '物业服务中心', hostName: '赵经理' };
    const backwards = await call(staffA, 'POST', '/reception-days', { ...base, hours: '11:00-09:00' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('hours');
    expect((await call(staffA, 'POST', '/reception-days', { ...base, hours: '9点' })).statusCode).toBe(400);
    expect((await call(staffA, 'POST', '/reception-days', { ...base, hours: '09:00-10:00', hostName: '\u0000' })).statusCode).toBe(400);
    const day = (await call(staffA, 'POST', '/reception-days', { ...base, hours: '09:00-10:00' })).json();
    const neighbour = await call(staffA, 'POST', `/reception-days/${day.id}/questions`, {
      householdId: tree.b.h101.id,
      question: '停车难',
    });
    expect(neighbour.statusCode).toBe(400);
    expect((await call(staffB, 'POST', `/reception-days/${day.id}/questions`, { question: '停车难' })).statusCode).toBe(404);
    expect((await call(staffB, 'GET', `/reception-days/${day.id}`)).statusCode).toBe(404);
    expect((await call(staffA, 'GET', `/reception-days/${newId()}`)).statusCode).toBe(404);
    expect((await call(staffA, 'GET', '/reception-days?cursor=bm90LWEtY3Vyc29y')).statusCode).toBe(400);
    expect((await call(staffA, 'POST', `/reception-days/${day.id}/end`, { status: 'cancelled' })).statusCode).toBe(200);
    const late = await call(staffA, 'POST', `/reception-days/${day.id}/questions`, { question: '停车难' });
    expect(late.statusCode).toBe(409);
    const [n] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM property_reception_question WHERE tenant_id = '370785' AND reception_id = '${day.id}'`,
    );
    expect(n?.n).toBe(0);
  });
});
