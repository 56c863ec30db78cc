import { accountsModule } from '@linli/accounts';
import { loadConfig, type ModuleDeps, verifyAuditChain } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { demandStatsModule } from '@linli/demand-stats';
import { departmentsModule } from '@linli/departments';
import { buildApp, type LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemandRepository } from './demand.repository.ts';
import { demandsModule } from './module.ts';
import { buildDemandWorld, type DemandWorld, testCipher } from './testing.ts';

let database: Database;
let app: LinliApp;
let world: DemandWorld;
type Who = keyof DemandWorld['ctx'];
const sessions = {} as Record<Who, Session>;

beforeAll(async () => {
  database = await createTestDatabase();
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  app = await buildApp({ deps, modules: [accountsModule, departmentsModule, demandsModule, demandStatsModule] });
  await app.ready();
  world = await buildDemandWorld(database.db);
  for (const [who, account] of Object.entries(world.accounts)) sessions[who as Who] = await login(app, account.username, account.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (who: Who, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who].headers });
const post = (who: Who, url: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1${url}`, headers: { ...sessions[who].headers, ...headers }, ...(payload ? { payload } : {}) });

const intake = (extra: object = {}) => ({
  channel: 'hotline_12345',
  type: 'complaint',
  categoryId: world.categories.noise,
  description: '楼上夜间装修噪音扰民',
  nodeId: world.tree.households[0]!.id,
  reporter: { kind: 'caller', name: '王小明', phone: '13812345678' },
  ...extra,
});
const residentSubmission = (description = '楼道灯坏了') => ({
  type: 'help',
  categoryId: world.categories.street_light,
  description,
  nodeId: world.tree.households[0]!.id,
});
const demandCount = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n;

describe('demands HTTP API', () => {
  it('replays a retried resident submission with the same Idempotency-Key and creates nothing new', async () => {
    const before = await demandCount();
    const key = { 'idempotency-key': 'mobile-0f3a9c2e-retry' };
    const first = await post('resident', '/demands', residentSubmission(), key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    const retry = await post('resident', '/demands', residentSubmission(), key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await demandCount()).toBe(before + 1);
    const reused = await post('resident', '/demands', residentSubmission('另一件事'), key);
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.details).toEqual([{ field: 'Idempotency-Key', reason: 'was used for a different request' }]);
    expect(await demandCount()).toBe(before + 1);
  });

  it('submits without Idempotency-Key in autocommit (one write statement) and with one in a transaction, writing everything each way', async () => {
    const original = database.db.transaction.bind(database.db);
    let transactions = 0;
    database.db.transaction = ((fn: Parameters<typeof original>[0]) => {
      transactions++;
      return original(fn);
    }) as typeof database.db.transaction;
    try {
      const plain = await post('grid', '/demands', intake({ description: '自动提交测试' }));
      expect(plain.statusCode).toBe(201);
      expect(plain.headers['idempotent-replayed']).toBe('false');
      expect(transactions).toBe(0);
      const keyed = await post('resident', '/demands', residentSubmission('带幂等键的提交'), {
        'idempotency-key': 'mobile-autocommit-check',
      });
      expect(keyed.statusCode).toBe(201);
      expect(transactions).toBe(1);
      const refused = await post('grid', '/demands', intake({ nodeId: '00000000-0000-7000-8000-000000000000' }));
      expect(refused.statusCode).toBe(400);
      for (const id of [plain.json().id, keyed.json().id]) {
        const [written] = await database.query<{ timeline: number; audit: number; events: number }>(
          `SELECT (SELECT count(*)::int FROM demand_event WHERE demand_id = $1::text::uuid) AS timeline,
                  (SELECT count(*)::int FROM audit_event WHERE action = 'demand.submit' AND target_id = $1::text) AS audit,
                  (SELECT count(*)::int FROM outbox_event WHERE type = 'demand.submitted' AND aggregate_id = $1::text) AS events`,
          [id],
        );
        expect(written).toEqual({ timeline: 1, audit: 1, events: 1 });
      }
      expect((await verifyAuditChain(database.db, { tenantId: world.tenantId })).breaks).toEqual([]);
    } finally {
      database.db.transaction = original;
    }
  });

  it('answers bad input with 400 and the fields, never 500', async () => {
    const res = await post('grid', '/demands', intake({ type: 'gossip', nodeId: 'not-a-uuid', description: '' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_input');
    const bad = await post('grid', '/demands', intake({ reporter: { kind: 'caller', phone: '123' } }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ field: 'reporter.phone', reason: 'is not a valid phone number' }]);
    expect((await post('grid', '/demands', residentSubmission(), { 'idempotency-key': 'bad key!' })).statusCode).toBe(400);
    expect((await get('community', '/demands?tab=someday')).statusCode).toBe(400);
    expect((await get('community', '/demands/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/demands' })).statusCode).toBe(401);
  });

  it('runs the closed loop over HTTP, with a masked detail, the timeline and the caller’s next actions', async () => {
    const created = await post('grid', '/demands', intake());
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await post('grid', `/demands/${id}/accept`)).statusCode).toBe(200);
    expect((await post('community', `/demands/${id}/dispatch`, {})).json()).toMatchObject({ status: 'dispatched', level: 'compound' });
    const asProperty = await get('property', `/demands/${id}`);
    expect(asProperty.json().allowedActions.sort()).toEqual(['escalate', 'request_extension', 'resolve', 'return', 'start']);
    expect((await post('property', `/demands/${id}/start`)).statusCode).toBe(200);
    expect((await post('property', `/demands/${id}/resolve`, { result: '已协调施工方调整时间' })).json().status).toBe('resolved');
    // A callback without its outcome is refused, naming the field that is missing.
    const empty = await post('grid', `/demands/${id}/callbacks`, { reached: true, resultConfirmed: false });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toEqual([expect.objectContaining({ field: 'satisfaction' })]);
    const unreached = await post('grid', `/demands/${id}/callbacks`, { reached: false });
    expect(unreached.statusCode).toBe(400);
    expect(unreached.json().error.details).toEqual([expect.objectContaining({ field: 'note' })]);
    // A caller has no account: the grid worker records the callback and the first receiver closes.
    expect((await post('grid', `/demands/${id}/callbacks`, { reached: true, satisfaction: 'satisfied' })).statusCode).toBe(200);
    expect((await post('community', `/demands/${id}/close`, { note: '回访满意，销号' })).json().status).toBe('closed');
    const detail = await get('community', `/demands/${id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body).toMatchObject({
      reporterName: '王**',
      reporterPhone: '138****5678',
      result: '已协调施工方调整时间',
      // 销号 ends the loop: no 回访 after it.
      allowedActions: [],
    });
    expect(body.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'start',
      'resolve',
      'callback',
      'close',
    ]);
    expect(detail.body).not.toContain('13812345678');
    expect(detail.body).not.toMatch(/_enc|_hash|v1\./);
    const contact = await post('grid', `/demands/${id}/reveal-contact`);
    expect(contact.json()).toEqual({ name: '王小明', phone: '13812345678' });
    expect((await post('property', `/demands/${id}/reveal-contact`)).statusCode).toBe(403);
  });

  it('lets exactly one of two simultaneous dispatches win: one 200, one 409 with the status, one timeline entry', async () => {
    const id = (await post('grid', '/demands', intake())).json().id as string;
    await post('grid', `/demands/${id}/accept`);
    const [a, b] = await Promise.all([
      post('community', `/demands/${id}/dispatch`, { level: 'compound' }),
      post('subdistrict', `/demands/${id}/dispatch`, { level: 'community' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error).toMatchObject({ code: 'conflict', details: { status: 'dispatched' } });
    const timeline = (await get('community', `/demands/${id}`)).json().timeline as { action: string }[];
    expect(timeline.filter((e) => e.action === 'dispatch')).toHaveLength(1);
  });

  it('scopes the inbox in SQL: tabs, another community sees nothing, property staff see what is dispatched to them', async () => {
    const fresh = (await post('grid', '/demands', intake({ description: '收件箱测试' }))).json();
    const toAccept = (await get('community', '/demands?tab=to_accept&limit=500')).json();
    expect(toAccept.items.map((d: { id: string }) => d.id)).toContain(fresh.id);
    expect(toAccept.items.every((d: { status: string }) => d.status === 'submitted')).toBe(true);
    expect(toAccept.total).toBe(toAccept.items.length);
    expect((await get('otherCommunity', '/demands')).json()).toMatchObject({ items: [], total: 0 });
    expect((await get('otherCommunity', `/demands/${fresh.id}`)).statusCode).toBe(404);
    const forProperty = (await get('property', '/demands?limit=500')).json().items as { handlingUnit: { id: string } | null }[];
    expect(forProperty.length).toBeGreaterThan(0);
    expect(forProperty.every((d) => d.handlingUnit?.id === world.tree.compounds[0]!.id)).toBe(true);
    expect((await get('community', `/demands?q=${encodeURIComponent('收件箱')}`)).json().items.map((d: { id: string }) => d.id)).toEqual([
      fresh.id,
    ]);
    expect((await get('community', '/demands?q=13812345678&limit=500')).json().total).toBeGreaterThan(1);
    expect((await get('resident', '/demands')).statusCode).toBe(403);
    // Totals are counted only up to a cap; beyond it the list comes without one.
    const repo = new DemandRepository(database.db);
    expect(await repo.count(world.tenantId, world.ctx.community.actor, {}, 'inbox', 1)).toBeUndefined();
    expect(await repo.count(world.tenantId, world.ctx.community.actor, { tab: 'to_accept' }, 'inbox', 10_000)).toBe(toAccept.total);
  });

  it('pages the inbox with a cursor without repeating rows', async () => {
    const first = (await get('community', '/demands?limit=2&sort=submittedAt')).json();
    const second = (await get('community', `/demands?limit=2&sort=submittedAt&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(2);
    const ids = [...first.items, ...second.items].map((d: { id: string }) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await get('community', '/demands?cursor=%%%')).statusCode).toBe(400);
  });

  it('lets the resident evaluate and reopen their own demand over HTTP, and nobody else', async () => {
    const id = (await post('resident', '/demands', residentSubmission('单元门禁坏了'))).json().id as string;
    await post('grid', `/demands/${id}/accept`);
    await post('community', `/demands/${id}/dispatch`, { level: 'community' });
    expect((await post('community', `/demands/${id}/resolve`, { result: '已更换门禁' })).statusCode).toBe(200);
    expect((await get('resident', `/demands/${id}`)).json().allowedActions).toEqual(['evaluate']);
    expect((await post('neighbour', `/demands/${id}/evaluate`, { satisfaction: 'satisfied' })).statusCode).toBe(404);
    expect((await post('community', `/demands/${id}/evaluate`, { satisfaction: 'satisfied' })).statusCode).toBe(403);
    expect((await post('resident', `/demands/${id}/evaluate`, { satisfaction: 'dissatisfied' })).json().status).toBe('evaluated');
    const reopened = await post('resident', `/demands/${id}/reopen`, { reason: '门禁还是坏的' });
    expect(reopened.json()).toMatchObject({ status: 'dispatched', level: 'community' });
    const missing = await post('resident', `/demands/${id}/reopen`, {});
    expect(missing.statusCode).toBe(400);
  });

  it('filters by a top category (its whole subtree), status and channel', async () => {
    const neighbourhood = world.categories.neighbourhood;
    const items = (await get('community', `/demands?categoryId=${neighbourhood}&status=submitted&channel=hotline_12345&limit=500`)).json()
      .items as { categoryName: string; status: string; channel: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((d) => d.categoryName === '噪音扰民' && d.status === 'submitted' && d.channel === 'hotline_12345')).toBe(true);
    expect((await get('community', `/demands?categoryId=${world.categories.elderly}`)).json().items).toEqual([]);
  });

  it('keeps category configuration to demand.configure, with schema errors as 400', async () => {
    const url = `/api/v1/demand-categories/${world.categories.noise}`;
    const patch = (payload: object) => app.inject({ method: 'PATCH', url, headers: sessions.community.headers, payload });
    expect((await patch({ defaultLevel: 'community' })).statusCode).toBe(403);
    expect((await patch({})).statusCode).toBe(400);
    expect((await patch({ defaultLevel: 'province' })).statusCode).toBe(400);
    expect((await post('community', '/demand-categories', { code: 'Bad Code', name: 'x', defaultLevel: 'compound' })).statusCode).toBe(400);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(Object.keys(doc.paths).filter((p) => p.includes('demand')).length).toBeGreaterThanOrEqual(20);
  });

  it('shows residents only their own demands', async () => {
    const mine = (await get('resident', '/me/demands')).json().items as { reporterKind: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((d) => d.reporterKind === 'resident')).toBe(true);
    expect((await get('neighbour', '/me/demands')).json().items).toEqual([]);
  });

  it('exports the inbox as Excel with masked contacts, and audits the export', async () => {
    const res = await get('community', '/demands/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('编号');
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('138****5678');
    expect(cells).not.toContain('13812345678');
    // Channel, status, level and satisfaction in Chinese, as the screens show them — never the API's codes.
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (header: string) => sheet.getColumn(headers.indexOf(header)).values.slice(2).map(String);
    expect(column('渠道')).toContain('12345热线');
    expect(column('状态')).toContain('待受理');
    for (const [header, codes] of [
      ['渠道', ['hotline_12345', 'mobile', 'walk_in']],
      ['状态', ['submitted', 'accepted', 'dispatched']],
      ['层级', ['compound', 'community', 'subdistrict']],
    ] as const) {
      expect(
        column(header).some((v) => (codes as readonly string[]).includes(v)),
        header,
      ).toBe(false);
    }
    expect(column('层级').every((v) => ['小区', '社区', '街道', '职能部门'].includes(v))).toBe(true);
    const [audit] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE action = 'demand.export'");
    expect(audit!.n).toBe(1);
  });

  it('serves the category tree with inherited deadlines, and the departments', async () => {
    const tree = (await get('resident', '/demand-categories')).json().items as {
      name: string;
      children: { name: string; deadlines: { urgency: string; inherited: boolean }[] }[];
    }[];
    expect(tree.map((c) => c.name)).toEqual([
      '环境卫生',
      '物业管理',
      '停车管理',
      '邻里纠纷',
      '市政设施',
      '安全隐患',
      '养老服务',
      '政策咨询',
      '其他',
    ]);
    const noise = tree.find((c) => c.name === '邻里纠纷')!.children.find((c) => c.name === '噪音扰民')!;
    expect(noise.deadlines.map((d) => [d.urgency, d.inherited])).toEqual([
      ['critical', true],
      ['normal', true],
      ['urgent', true],
    ]);
    expect((await get('community', '/departments')).json().items).toHaveLength(11);
  });

  it('computes KPIs for a subtree the caller may read, and refuses others', async () => {
    const community = world.tree.communities[0]!.id;
    const ok = await get('community', `/demands/kpis?nodeId=${community}&from=2020-01-01&to=2030-12-31`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().submitted).toBeGreaterThan(0);
    expect((await get('otherCommunity', `/demands/kpis?nodeId=${community}&from=2026-01-01&to=2026-12-31`)).statusCode).toBe(403);
    expect((await get('community', `/demands/kpis?nodeId=${community}&from=2026-12-31&to=2026-01-01`)).statusCode).toBe(400);
    expect((await get('community', `/demands/kpis?nodeId=${community}&from=2026-13-01&to=2026-12-31`)).statusCode).toBe(400);
  });
});
