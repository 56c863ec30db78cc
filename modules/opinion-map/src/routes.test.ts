import { createAccount } from '@linli/accounts/testing';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp, buildTwoCommunities, insertNode } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { castVote } from './commands/cast-vote.ts';
import { opinionMapModule } from './module.ts';
import { residentContext } from './testing.ts';

let database: Database;
let app: LinliApp;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let staffA: Session;
let staffB: Session;
let staffForeign: Session;
let residentA: Session;
let residentB: Session;

const api = '/api/v1';

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [opinionMapModule]);
  tree = await buildTwoCommunities(database.db);
  const staff = (node: { id: string }) => [{ role: 'community_staff' as const, nodeId: node.id }];
  const a = await createAccount(database.db, { tenantId: '370785', username: 'opinion.staff.a', grants: staff(tree.a.community) });
  const b = await createAccount(database.db, { tenantId: '370785', username: 'opinion.staff.b', grants: staff(tree.b.community) });
  const f = await createAccount(database.db, { tenantId: '532601', username: 'opinion.staff.f', grants: staff(tree.other.community) });
  const ra = await createAccount(database.db, {
    tenantId: '370785',
    username: 'opinion.res.a',
    grants: [{ role: 'resident', nodeId: tree.a.h101.id }],
  });
  const rb = await createAccount(database.db, {
    tenantId: '370785',
    username: 'opinion.res.b',
    grants: [{ role: 'resident', nodeId: tree.b.h101.id }],
  });
  staffA = await login(app, a.username, a.password);
  staffB = await login(app, b.username, b.password);
  staffForeign = await login(app, f.username, f.password);
  residentA = await login(app, ra.username, ra.password);
  residentB = await login(app, rb.username, rb.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function openConversation(title: string, statements: string[], node = tree.a.community) {
  const res = await app.inject({
    method: 'POST',
    url: `${api}/opinion-map/conversations`,
    headers: staffA.headers,
    payload: { nodeId: node.id, title, description: '请就停车收费方案表达意见', statements },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; statementCount: number };
}

async function statementsOf(id: string, session = staffA, query = '') {
  const res = await app.inject({ url: `${api}/opinion-map/conversations/${id}/statements${query}`, headers: session.headers });
  return res;
}

describe('opinion-map conversations (staff)', () => {
  it('opens a conversation with seed statements, lists, filters, sorts and exports it in its community only', async () => {
    const c = await openConversation('小区停车收费', ['地面车位应按月收费', '收费应用于小区公共维修']);
    expect(c.statementCount).toBe(2);
    await openConversation('加装电梯', ['一楼住户应得到补偿']);
    const list = await app.inject({ url: `${api}/opinion-map/conversations?sort=title`, headers: staffA.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['加装电梯', '小区停车收费']);
    const page = await app.inject({ url: `${api}/opinion-map/conversations?sort=title&limit=1`, headers: staffA.headers });
    const next = await app.inject({
      url: `${api}/opinion-map/conversations?sort=title&limit=1&cursor=${encodeURIComponent(page.json().nextCursor)}`,
      headers: staffA.headers,
    });
    expect(next.json().items.map((i: { title: string }) => i.title)).toEqual(['小区停车收费']);
    const filtered = await app.inject({ url: `${api}/opinion-map/conversations?q=${encodeURIComponent('电梯')}`, headers: staffA.headers });
    expect(filtered.json().items).toHaveLength(1);
    expect((await app.inject({ url: `${api}/opinion-map/conversations`, headers: staffB.headers })).json().items).toEqual([]);
    const file = await app.inject({ url: `${api}/opinion-map/conversations/export.xlsx`, headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('answers another community’s and another county’s conversation like an unknown one, and writes nothing', async () => {
    const c = await openConversation('另一议题', ['观点一']);
    for (const session of [staffB, staffForeign]) {
      const read = await app.inject({ url: `${api}/opinion-map/conversations/${c.id}`, headers: session.headers });
      expect(read.statusCode).toBe(404);
      expect((await statementsOf(c.id, session)).statusCode).toBe(404);
      expect((await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map`, headers: session.headers })).statusCode).toBe(404);
      const close = await app.inject({ method: 'POST', url: `${api}/opinion-map/conversations/${c.id}/close`, headers: session.headers });
      expect(close.statusCode).toBe(404);
      const add = await app.inject({
        method: 'POST',
        url: `${api}/opinion-map/conversations/${c.id}/statements`,
        headers: session.headers,
        payload: { body: '越权观点' },
      });
      expect(add.statusCode).toBe(404);
      const create = await app.inject({
        method: 'POST',
        url: `${api}/opinion-map/conversations`,
        headers: session.headers,
        payload: { nodeId: tree.a.community.id, title: '越权' },
      });
      expect(create.statusCode).toBe(404);
    }
    const [count] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM opinion_statement WHERE body = '越权观点'");
    expect(count?.n).toBe(0);
    const [open] = await database.query<{ state: string }>('SELECT state FROM opinion_conversation WHERE id = $1', [c.id]);
    expect(open?.state).toBe('open');
  });

  it('answers a conversation or statement of another community or county exactly like an unknown id, on every write', async () => {
    const c = await openConversation('路径核对', ['观点']);
    const statement = ((await statementsOf(c.id)).json().items[0] as { id: string }).id;
    const writes: { url: (id: string) => string; payload?: object }[] = [
      { url: (id) => `${api}/opinion-map/conversations/${id}/close` },
      { url: (id) => `${api}/opinion-map/conversations/${id}/statements`, payload: { body: '路径观点' } },
      { url: (id) => `${api}/opinion-map/conversations/${id}/map` },
      { url: (id) => `${api}/opinion-map/statements/${id}/moderation`, payload: { decision: 'approve' } },
    ];
    for (const w of writes) {
      const target = w.url('x').includes('/statements/') && !w.url('x').includes('/conversations/') ? statement : c.id;
      const unknownId = '01900000-0000-7000-8000-000000000000';
      const unknown = await app.inject({
        method: 'POST',
        url: w.url(unknownId),
        headers: staffA.headers,
        ...(w.payload ? { payload: w.payload } : {}),
      });
      expect(unknown.statusCode).toBe(404);
      for (const session of [staffB, staffForeign]) {
        const res = await app.inject({
          method: 'POST',
          url: w.url(target),
          headers: session.headers,
          ...(w.payload ? { payload: w.payload } : {}),
        });
        expect(res.statusCode).toBe(404);
        expect(res.body.replaceAll(target, '<id>')).toBe(unknown.body.replaceAll(unknownId, '<id>'));
      }
    }
    const [row] = await database.query<{ state: string; n: number }>(
      'SELECT state, (SELECT count(*)::int FROM opinion_statement s WHERE s.conversation_id = c.id) AS n FROM opinion_conversation c WHERE id = $1',
      [c.id],
    );
    expect(row).toEqual({ state: 'open', n: 1 });
  });

  it('refuses bad input naming the field, and a place that is not a subdistrict, community or compound', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: `${api}/opinion-map/conversations`,
      headers: staffA.headers,
      payload: { nodeId: tree.a.community.id },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('title');
    const building = await app.inject({
      method: 'POST',
      url: `${api}/opinion-map/conversations`,
      headers: staffA.headers,
      payload: { nodeId: tree.a.building.id, title: '楼栋' },
    });
    expect(building.statusCode).toBe(400);
    const repeated = await app.inject({
      method: 'POST',
      url: `${api}/opinion-map/conversations`,
      headers: staffA.headers,
      payload: { nodeId: tree.a.community.id, title: '重复', statements: ['同一句', ' 同一句 '] },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.body).toContain('statements.1');
    const long = await app.inject({
      method: 'POST',
      url: `${api}/opinion-map/conversations`,
      headers: staffA.headers,
      payload: { nodeId: tree.a.community.id, title: '过长', statements: ['长'.repeat(141)] },
    });
    expect(long.statusCode).toBe(400);
    const [count] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM opinion_conversation WHERE title IN ('楼栋', '重复', '过长')",
    );
    expect(count?.n).toBe(0);
  });
});

describe('residents take part', () => {
  it('lists the conversations of the resident’s places only, and refuses another community’s resident', async () => {
    const c = await openConversation('垃圾分类点位置', ['分类点应远离单元门', '应设置在小区入口']);
    const mine = await app.inject({ url: `${api}/me/opinion-conversations`, headers: residentA.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    const theirs = await app.inject({ url: `${api}/me/opinion-conversations`, headers: residentB.headers });
    expect(theirs.json().items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    const next = await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentB.headers });
    expect(next.statusCode).toBe(404);
    const { items } = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    const vote = await app.inject({
      method: 'PUT',
      url: `${api}/me/opinion-statements/${items[0].id}/vote`,
      headers: residentB.headers,
      payload: { value: 'agree' },
    });
    expect(vote.statusCode).toBe(404);
    // Staff hold no resident grant: they do not vote.
    const staffVote = await app.inject({
      method: 'PUT',
      url: `${api}/me/opinion-statements/${items[0].id}/vote`,
      headers: staffA.headers,
      payload: { value: 'agree' },
    });
    expect(staffVote.statusCode).toBe(403);
    const [votes] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM opinion_vote WHERE conversation_id = $1', [c.id]);
    expect(votes?.n).toBe(0);
  });

  it('keeps one vote per statement and participant: voting again changes it', async () => {
    const c = await openConversation('充电桩安装', ['应在地下车库统一安装充电桩']);
    const { items } = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    const url = `${api}/me/opinion-statements/${items[0].id}/vote`;
    const first = await app.inject({ method: 'PUT', url, headers: residentA.headers, payload: { value: 'agree' } });
    expect(first.json()).toEqual({ statementId: items[0].id, value: 'agree', voted: 1 });
    const second = await app.inject({ method: 'PUT', url, headers: residentA.headers, payload: { value: 'disagree' } });
    expect(second.json()).toMatchObject({ value: 'disagree', voted: 1 });
    const list = (await statementsOf(c.id)).json();
    expect(list.items[0]).toMatchObject({ agree: 0, disagree: 1, pass: 0 });
    const left = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    expect(left).toEqual({ items: [], remaining: 0, voted: 1 });
    const bad = await app.inject({ method: 'PUT', url, headers: residentA.headers, payload: { value: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value');
    expect((await statementsOf(c.id)).json().items[0]).toMatchObject({ agree: 0, disagree: 1 });
  });

  it('counts concurrent votes once each: many residents at once, and one resident on many statements at once', async () => {
    const statements = ['观点甲', '观点乙', '观点丙', '观点丁', '观点戊'];
    const c = await openConversation('并发投票', statements);
    const ids = (await statementsOf(c.id)).json().items.map((s: { id: string }) => s.id) as string[];
    const households = await Promise.all(
      Array.from({ length: 8 }, (_, i) => insertNode(database.db, { parent: tree.a.entrance, kind: 'household', name: `20${i}` })),
    );
    const residents = await Promise.all(households.map((h) => residentContext(database.db, h)));
    const run = (fn: () => Promise<unknown>) => fn();
    // Everyone votes on every statement at the same time, each vote twice (agree then pass).
    await Promise.all(
      residents.flatMap((ctx) =>
        ids.flatMap((id) => [
          run(() => database.db.transaction((tx) => castVote(tx, ctx, id, { value: 'agree' }))),
          run(() => database.db.transaction((tx) => castVote(tx, ctx, id, { value: 'pass' }))),
        ]),
      ),
    );
    const [votes] = await database.query<{ n: number; participants: number; numbers: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT participant_id)::int AS participants,
        (SELECT count(DISTINCT number)::int FROM opinion_participant WHERE conversation_id = $1) AS numbers
       FROM opinion_vote WHERE conversation_id = $1`,
      [c.id],
    );
    expect(votes).toEqual({ n: 40, participants: 8, numbers: 8 });
    const detail = (await app.inject({ url: `${api}/opinion-map/conversations/${c.id}`, headers: staffA.headers })).json();
    expect(detail).toMatchObject({ participantCount: 8, voteCount: 40, statementCount: 5 });
  });

  it('moderates a resident’s statement: pending until approved, a rejection needs its reason, decided once', async () => {
    const c = await openConversation('广场舞时间', ['晚上九点后应停止']);
    const written = await app.inject({
      method: 'POST',
      url: `${api}/me/opinion-conversations/${c.id}/statements`,
      headers: residentA.headers,
      payload: { body: '  音量应控制在60分贝以下  ' },
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json()).toMatchObject({ body: '音量应控制在60分贝以下', status: 'pending' });
    const offside = await app.inject({
      method: 'POST',
      url: `${api}/me/opinion-conversations/${c.id}/statements`,
      headers: residentA.headers,
      payload: { body: '某某家应被判刑' },
    });
    const toVote = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    expect(toVote.items.map((s: { body: string }) => s.body)).toEqual(['晚上九点后应停止']);
    const pending = (await statementsOf(c.id, staffA, '?status=pending')).json().items;
    expect(pending).toHaveLength(2);
    expect(pending[0]).toMatchObject({ authorKind: 'resident' });
    expect(JSON.stringify(pending)).not.toContain('opinion.res.a');

    const moderate = (id: string, payload: object, session = staffA) =>
      app.inject({ method: 'POST', url: `${api}/opinion-map/statements/${id}/moderation`, headers: session.headers, payload });
    const noReason = await moderate(offside.json().id, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    expect((await moderate(offside.json().id, { decision: 'reject', reason: 'excluded_topic' }, staffB)).statusCode).toBe(404);
    const rejected = await moderate(offside.json().id, {
      decision: 'reject',
      reason: 'excluded_topic',
      note: '负面清单：涉及司法裁判的事项',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'excluded_topic',
      moderationNote: '负面清单：涉及司法裁判的事项',
    });
    const approved = await moderate(written.json().id, { decision: 'approve' });
    expect(approved.json()).toMatchObject({ status: 'approved' });
    const again = await moderate(written.json().id, { decision: 'reject', reason: 'other' });
    expect(again.statusCode).toBe(409);
    const duplicate = await app.inject({
      method: 'POST',
      url: `${api}/me/opinion-conversations/${c.id}/statements`,
      headers: residentA.headers,
      payload: { body: '音量应控制在 60分贝以下' },
    });
    expect(duplicate.statusCode).toBe(409);
    const after = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    expect(after.items).toHaveLength(2);
    const file = await app.inject({
      url: `${api}/opinion-map/conversations/${c.id}/statements/export.xlsx?status=rejected`,
      headers: staffA.headers,
    });
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes no votes or statements once closed', async () => {
    const c = await openConversation('已结束议题', ['观点']);
    const { items } = (
      await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/statements-to-vote`, headers: residentA.headers })
    ).json();
    const close = await app.inject({ method: 'POST', url: `${api}/opinion-map/conversations/${c.id}/close`, headers: staffA.headers });
    expect(close.json()).toMatchObject({ state: 'closed' });
    expect(
      (await app.inject({ method: 'POST', url: `${api}/opinion-map/conversations/${c.id}/close`, headers: staffA.headers })).statusCode,
    ).toBe(409);
    const vote = await app.inject({
      method: 'PUT',
      url: `${api}/me/opinion-statements/${items[0].id}/vote`,
      headers: residentA.headers,
      payload: { value: 'agree' },
    });
    expect(vote.statusCode).toBe(409);
    const write = await app.inject({
      method: 'POST',
      url: `${api}/me/opinion-conversations/${c.id}/statements`,
      headers: residentA.headers,
      payload: { body: '新观点' },
    });
    expect(write.statusCode).toBe(409);
  });
});

describe('the map', () => {
  it('says there is no map with too few participants, then places two camps, cached until the votes change', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => `观点${i + 1}`);
    const c = await openConversation('停车收费方案', bodies);
    const ids = (await statementsOf(c.id, staffA, '?limit=50')).json().items.map((s: { id: string }) => s.id) as string[];
    const empty = (await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map`, headers: staffA.headers })).json();
    expect(empty).toMatchObject({ status: 'insufficient', eligibleParticipants: 0, neededParticipants: 10, k: 0, points: [] });

    // Twelve residents: six agree with statements 1–4 and disagree with 5–8, six the reverse; all agree with 9 and 10.
    const households = await Promise.all(
      Array.from({ length: 12 }, (_, i) => insertNode(database.db, { parent: tree.a.entrance, kind: 'household', name: `30${i}` })),
    );
    const residents = await Promise.all(households.map((h) => residentContext(database.db, h)));
    for (const [r, ctx] of residents.entries()) {
      for (const [s, id] of ids.entries()) {
        const camp = r < 6 ? 0 : 1;
        const value = s >= 8 ? 'agree' : s < 4 === (camp === 0) ? 'agree' : 'disagree';
        await database.db.transaction((tx) => castVote(tx, ctx, id, { value }));
      }
    }
    const map = await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map`, headers: staffA.headers });
    expect(map.statusCode, map.body).toBe(200);
    const view = map.json();
    expect(view).toMatchObject({ status: 'ready', k: 2, eligibleParticipants: 12 });
    expect(view.groups.map((g: { size: number }) => g.size)).toEqual([6, 6]);
    expect(view.consensus.map((s: { body: string }) => s.body).sort()).toEqual(['观点10', '观点9']);
    expect(view.groups[0].representative.length).toBeGreaterThan(0);
    expect(view.points.map((p: { number: number }) => p.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(map.body).not.toMatch(/opinion\.resident|accountId|participantId/);

    const again = (await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map`, headers: staffA.headers })).json();
    expect(again.computedAt).toBe(view.computedAt);
    await database.db.transaction((tx) => castVote(tx, residents[0]!, ids[0]!, { value: 'pass' }));
    const changed = (await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map`, headers: staffA.headers })).json();
    expect(changed.computedAt).not.toBe(view.computedAt);
    const forced = await app.inject({ method: 'POST', url: `${api}/opinion-map/conversations/${c.id}/map`, headers: staffA.headers });
    expect(forced.json()).toMatchObject({ k: 2, groups: changed.groups, points: changed.points });
    const file = await app.inject({ url: `${api}/opinion-map/conversations/${c.id}/map/export.xlsx`, headers: staffA.headers });
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a resident their own point and group, the others only as anonymous dots', async () => {
    const bodies = Array.from({ length: 8 }, (_, i) => `电梯观点${i + 1}`);
    const c = await openConversation('加装电梯分摊', bodies);
    const ids = (await statementsOf(c.id, staffA, '?limit=50')).json().items.map((s: { id: string }) => s.id) as string[];
    const households = await Promise.all(
      Array.from({ length: 11 }, (_, i) => insertNode(database.db, { parent: tree.a.entrance, kind: 'household', name: `40${i}` })),
    );
    const residents = await Promise.all(households.map((h) => residentContext(database.db, h)));
    for (const [r, ctx] of residents.entries()) {
      for (const [s, id] of ids.entries()) {
        await database.db.transaction((tx) => castVote(tx, ctx, id, { value: s < 4 === r < 5 ? 'agree' : 'disagree' }));
      }
    }
    const before = (await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/position`, headers: residentA.headers })).json();
    expect(before).toMatchObject({ status: 'ready', votes: 0, me: null });
    for (const [s, id] of ids.entries()) {
      await app.inject({
        method: 'PUT',
        url: `${api}/me/opinion-statements/${id}/vote`,
        headers: residentA.headers,
        payload: { value: s < 4 ? 'agree' : 'disagree' },
      });
    }
    const res = await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/position`, headers: residentA.headers });
    const position = res.json();
    expect(position).toMatchObject({ status: 'ready', votes: 8, eligibleParticipants: 12 });
    expect(position.me).not.toBeNull();
    expect(position.points).toHaveLength(12);
    expect(position.points[0]).not.toHaveProperty('number');
    expect(res.body).not.toMatch(/participantId|accountId|opinion\.res/);
    const own = position.groups[position.me.group];
    expect(own.size).toBe(6);
    expect((await app.inject({ url: `${api}/me/opinion-conversations/${c.id}/position`, headers: residentB.headers })).statusCode).toBe(
      404,
    );
  });
});
