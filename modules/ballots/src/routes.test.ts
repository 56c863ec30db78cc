import { createAccount } from '@linli/accounts/testing';
import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildModuleApp } from '@linli/people/testing';
import type { LinliApp } from '@linli/server';
import { login, type Session } from '@linli/server/test/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ballotsModule } from './module.ts';
import { ballotBody, buildBallotWorld, newReceipt } from './testing.ts';

let database: Database;
let app: LinliApp;
let w: Awaited<ReturnType<typeof buildBallotWorld>>;
let staffA: Session;
let staffB: Session;
let resident1: Session;
let resident2: Session;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildModuleApp(database, [ballotsModule]);
  w = await buildBallotWorld(database.db, [90, 120, 80]);
  const account = async (username: string, role: 'community_staff' | 'resident', nodeId: string) => {
    const a = await createAccount(database.db, { tenantId: '370785', username, grants: [{ role, nodeId }] });
    return login(app, a.username, a.password);
  };
  staffA = await account('ballots.a', 'community_staff', w.tree.a.community.id);
  staffB = await account('ballots.b', 'community_staff', w.tree.b.community.id);
  resident1 = await account('ballots.r1', 'resident', w.households[0]!.id);
  resident2 = await account('ballots.r2', 'resident', w.households[1]!.id);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('ballots HTTP API', () => {
  it('creates, opens, takes votes, hides the result until closing, then shows it to staff and residents', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: staffA.headers,
      payload: ballotBody(w.building.id),
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const opened = await app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/open`, headers: staffA.headers });
    expect(opened.json()).toMatchObject({ status: 'open', roll: { voters: 3, area: 290 }, result: null });

    const mine = await app.inject({ url: '/api/v1/me/ballots', headers: resident1.headers });
    expect(mine.json().items.map((b: { id: string }) => b.id)).toEqual([id]);
    const receipt = newReceipt();
    const vote = (s: Session, options: number[], r = receipt) =>
      app.inject({ method: 'POST', url: `/api/v1/me/ballots/${id}/vote`, headers: s.headers, payload: { options, receipt: r } });
    expect((await vote(resident1, [1])).json()).toEqual({ outcome: 'cast', changed: false });
    expect((await vote(resident1, [1])).json()).toEqual({ outcome: 'unchanged', changed: false });
    expect((await vote(resident2, [1], newReceipt())).statusCode).toBe(200);
    const bad = await app.inject({
      method: 'POST',
      url: `/api/v1/me/ballots/${id}/vote`,
      headers: resident2.headers,
      payload: { options: [1], receipt: 'short' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('receipt');

    const during = await app.inject({ url: `/api/v1/ballots/${id}`, headers: staffA.headers });
    expect(during.json()).toMatchObject({ castSoFar: 2, result: null });
    expect((await app.inject({ url: `/api/v1/me/ballots/${id}`, headers: resident1.headers })).json().result).toBeNull();
    expect((await app.inject({ url: `/api/v1/ballots/${id}`, headers: staffB.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/close`, headers: staffB.headers })).statusCode).toBe(404);

    const closed = await app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/close`, headers: staffA.headers });
    // 2 of 3 owners, 210 of 290 m² take part (≥ 2/3 both); both agree.
    expect(closed.json()).toMatchObject({ quorumMet: true, cast: { voters: 2, area: 210 } });
    expect(closed.json().options[0]).toMatchObject({ label: '同意', voters: 2, area: 210, passed: true });
    expect((await app.inject({ url: `/api/v1/me/ballots/${id}`, headers: resident2.headers })).json().result.options[0].passed).toBe(true);

    const list = await app.inject({ url: '/api/v1/ballots?status=closed&sort=title', headers: staffA.headers });
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([id]);
    expect((await app.inject({ url: '/api/v1/ballots', headers: staffB.headers })).json().items).toEqual([]);
    const under = (nodeId: string) => app.inject({ url: `/api/v1/ballots?nodeId=${nodeId}`, headers: staffA.headers });
    expect((await under(w.tree.a.compound.id)).json().items.map((b: { id: string }) => b.id)).toContain(id);
    expect((await under(w.tree.a.h101.id)).json().items).toEqual([]);
    const file = await app.inject({ url: '/api/v1/ballots/export.xlsx', headers: staffA.headers });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('types in a paper tally with a correction, registers a proxy, and refuses bad input naming the field', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: staffA.headers,
      payload: ballotBody(w.building.id, { method: 'tally', rule: 'simple_majority', weighting: 'none', maxProxies: 2 }),
    });
    const id = created.json().id as string;
    await app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/open`, headers: staffA.headers });
    const tally = (payload: object) => app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/tally`, headers: staffA.headers, payload });
    expect((await tally({ cast: { voters: 3 }, options: [{ id: 1, voters: 2 }] })).statusCode).toBe(200);
    const noReason = await tally({ cast: { voters: 3 }, options: [{ id: 1, voters: 1 }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const corrected = await tally({ cast: { voters: 3 }, options: [{ id: 1, voters: 1 }], reason: '重新点票' });
    expect(
      corrected
        .json()
        .items.filter((e: { optionId: number }) => e.optionId === 1)
        .map((e: { voters: number }) => e.voters),
    ).toEqual([2, 1]);
    const history = await app.inject({ url: `/api/v1/ballots/${id}/tally`, headers: staffA.headers });
    expect(history.json().items).toHaveLength(3);

    const proxy = await app.inject({
      method: 'POST',
      url: `/api/v1/ballots/${id}/proxies`,
      headers: staffA.headers,
      payload: { grantorId: w.households[2]!.id, holderId: w.households[0]!.id },
    });
    expect(proxy.json().items).toEqual([expect.objectContaining({ grantorName: '203', holderName: '201' })]);

    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: staffA.headers,
      payload: { ...ballotBody(w.building.id), rule: 'majority' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('rule');
    const other = await app.inject({ method: 'POST', url: '/api/v1/ballots', headers: staffB.headers, payload: ballotBody(w.building.id) });
    expect(other.statusCode).toBe(404);
  });

  it('answers a subject of another community, and a proxy naming a voter not on the roll, like unknown ids', async () => {
    const topic = newId();
    const far = w.tree.b.compound;
    await database.query(
      `INSERT INTO deliberation_topic (tenant_id, id, number, title, description, source, node_id, node_path, level)
       VALUES ('370785', $1, $2, '加装电梯', '费用分摊', 'staff', $3, $4::ltree, 'compound')`,
      [topic, `T-${topic.slice(-6)}`, far.id, far.path],
    );
    const create = (id: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/ballots',
        headers: staffA.headers,
        payload: ballotBody(w.building.id, { subject: { kind: 'topic', id, title: '加装电梯' } }),
      });
    const unknownId = newId();
    const unknown = await create(unknownId);
    expect(unknown.statusCode, unknown.body).toBe(404);
    const foreign = await create(topic);
    expect([foreign.statusCode, foreign.body.replaceAll(topic, '<id>')]).toEqual([404, unknown.body.replaceAll(unknownId, '<id>')]);

    // A household of another community is on no roll of this place: the same answer as an unknown voter.
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: staffA.headers,
      payload: ballotBody(w.building.id, { method: 'tally', rule: 'simple_majority', weighting: 'none', maxProxies: 2 }),
    });
    const id = created.json().id as string;
    await app.inject({ method: 'POST', url: `/api/v1/ballots/${id}/open`, headers: staffA.headers });
    const proxy = (grantorId: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/ballots/${id}/proxies`,
        headers: staffA.headers,
        payload: { grantorId, holderId: w.households[0]!.id },
      });
    const noVoter = newId();
    const nobody = await proxy(noVoter);
    expect(nobody.statusCode, nobody.body).toBe(404);
    const outside = await proxy(w.tree.b.h101.id);
    expect([outside.statusCode, outside.body.replaceAll(w.tree.b.h101.id, '<id>')]).toEqual([404, nobody.body.replaceAll(noVoter, '<id>')]);
  });
});
