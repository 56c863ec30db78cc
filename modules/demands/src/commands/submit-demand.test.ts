import { type AppError, verifyAuditChain } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, countWhere, type DemandWorld, submitTestDemand, testCipher, timelineOf } from '../testing.ts';
import { submitDemand } from './submit-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('submitDemand', () => {
  it('takes in a caller’s demand with a number, the category’s level and deadlines, masked contact, timeline, audit and event', async () => {
    const now = new Date('2026-03-06T10:00:00+08:00'); // Friday
    const d = await database.db.transaction((tx) =>
      submitDemand(
        tx,
        testCipher,
        world.ctx.grid,
        {
          channel: 'hotline_12345',
          type: 'complaint',
          categoryId: world.categories.noise!,
          description: '楼上夜间装修噪音扰民\n已持续一周',
          nodeId: world.tree.households[0]!.id,
          reporter: { kind: 'caller', name: '王小明', phone: '+86 138-1234-5678' },
          externalId: 'GD20260306001',
        },
        { now },
      ),
    );
    expect(d).toMatchObject({
      number: '2026-000001',
      title: '楼上夜间装修噪音扰民',
      status: 'submitted',
      level: 'compound',
      categoryName: '噪音扰民',
      reporterKind: 'caller',
      reporterName: '王**',
      reporterPhone: '138****5678',
      externalId: 'GD20260306001',
      // 邻里纠纷 (the parent of 噪音扰民) answers within 24 hours and resolves within 5 working days.
      responseDueAt: new Date('2026-03-07T10:00:00+08:00').toISOString(),
      resolveDueAt: new Date('2026-03-13T10:00:00+08:00').toISOString(),
      handlingUnit: null,
      version: 1,
    });
    expect(d.locationPath).toHaveLength(6);
    const [row] = await database.query<Record<string, string>>('SELECT * FROM demand WHERE id = $1', [d.id]);
    expect(JSON.stringify(row)).not.toContain('13812345678');
    expect(testCipher.decrypt(row!.reporter_phone_enc!)).toBe('13812345678');
    expect((await timelineOf(database.db, d.id)).map((e) => [e.seq, e.action, e.to_status])).toEqual([[1, 'submit', 'submitted']]);
    expect(await countWhere(database.db, 'audit_event', 'target_id', d.id)).toBe(1);
    expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', d.id)).toBe(1);
    const [audit] = await database.query<{ details: object }>('SELECT details FROM audit_event WHERE target_id = $1', [d.id]);
    expect(JSON.stringify(audit!.details)).not.toMatch(/1381234|王小明/);
  });

  it('numbers demands one after another per tenant and year', async () => {
    const a = await submitTestDemand(database.db, world);
    const b = await submitTestDemand(database.db, world);
    expect(Number(b.number.slice(5)) - Number(a.number.slice(5))).toBe(1);
  });

  it('shortens deadlines for urgent demands', async () => {
    const d = await submitTestDemand(database.db, world, { urgency: 'urgent' });
    const submitted = new Date(d.submittedAt).getTime();
    expect(new Date(d.responseDueAt).getTime() - submitted).toBe(2 * 3_600_000);
    expect(new Date(d.resolveDueAt).getTime() - submitted).toBe(24 * 3_600_000);
  });

  it('makes a resident the reporter of their own demand, through mobile or web only', async () => {
    const d = await database.db.transaction((tx) =>
      submitDemand(tx, testCipher, world.ctx.resident, {
        type: 'help',
        categoryId: world.categories.elevator!,
        description: '电梯停了',
        nodeId: world.tree.households[0]!.id,
      }),
    );
    expect(d).toMatchObject({ reporterKind: 'resident', channel: 'mobile', reporterPhone: null });
    const refused = await failure(
      database.db.transaction((tx) =>
        submitDemand(tx, testCipher, world.ctx.resident, {
          type: 'help',
          channel: 'hotline_12345',
          categoryId: world.categories.elevator!,
          description: '电梯停了',
          nodeId: world.tree.households[0]!.id,
          reporter: { kind: 'anonymous' },
        }),
      ),
    );
    expect(refused).toEqual({
      code: 'invalid_input',
      details: [
        { field: 'reporter', reason: 'is set by staff intake only' },
        { field: 'channel', reason: 'a resident submits through mobile or web' },
      ],
    });
  });

  it('reports every bad field at once and writes nothing', async () => {
    const before = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand');
    const res = await failure(
      submitTestDemand(database.db, world, {
        categoryId: '01900000-0000-7000-8000-000000000000',
        nodeId: '01900000-0000-7000-8000-000000000001',
        reporter: { kind: 'caller', phone: '12345' },
      }),
    );
    expect(res).toEqual({
      code: 'invalid_input',
      details: [
        { field: 'nodeId', reason: 'is not a place in this county' },
        { field: 'categoryId', reason: 'is not an active demand category' },
        { field: 'reporter.phone', reason: 'is not a valid phone number' },
      ],
    });
    expect(await database.query('SELECT count(*)::int AS n FROM demand')).toEqual(before);
  });

  it('refuses a second demand with the same external id (409), and intake outside the caller’s place like an unknown place', async () => {
    await submitTestDemand(database.db, world, { externalId: 'GD-DUP' });
    expect(await failure(submitTestDemand(database.db, world, { externalId: 'GD-DUP' }))).toMatchObject({ code: 'conflict' });
    const elsewhere = world.tree.households.at(-1)!.id;
    const unknown = await failure(submitTestDemand(database.db, world, { nodeId: '01900000-0000-7000-8000-00000000dead' }));
    expect(unknown).toMatchObject({ code: 'invalid_input', details: [{ field: 'nodeId', reason: 'is not a place in this county' }] });
    expect(await failure(submitTestDemand(database.db, world, { nodeId: elsewhere }))).toEqual(unknown);
    expect(await failure(submitTestDemand(database.db, world, {}, world.ctx.property))).toMatchObject({ code: 'forbidden' });
  });
});

describe('submitDemand in one statement', () => {
  it('names the drawn number in the audit record and the event, and keeps the audit chain whole under concurrent intake', async () => {
    const submitted = await Promise.all(
      Array.from({ length: 8 }, (_, i) => submitTestDemand(database.db, world, { description: `并发提交 ${i}` })),
    );
    const numbers = submitted.map((d) => d.number).sort();
    expect(new Set(numbers).size).toBe(8);
    const audit = await database.query<{ target_id: string; details: { number: string; reporterKind: string } }>(
      `SELECT target_id, details FROM audit_event WHERE action = 'demand.submit' AND target_id = ANY($1::text[])`,
      [submitted.map((d) => d.id)],
    );
    const events = await database.query<{ aggregate_id: string; payload: { number: string } }>(
      `SELECT aggregate_id, payload FROM outbox_event WHERE type = 'demand.submitted' AND aggregate_id = ANY($1::text[])`,
      [submitted.map((d) => d.id)],
    );
    for (const d of submitted) {
      expect(audit.find((a) => a.target_id === d.id)?.details).toMatchObject({ number: d.number, reporterKind: 'caller' });
      expect(events.find((e) => e.aggregate_id === d.id)?.payload).toMatchObject({ number: d.number });
    }
    expect((await verifyAuditChain(database.db, { tenantId: world.tenantId })).breaks).toEqual([]);
  });

  it('numbers and chains concurrent submissions in autocommit (no transaction) without duplicates or breaks', async () => {
    const submitted = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        submitDemand(database.db, testCipher, world.ctx.grid, {
          channel: 'hotline_12345',
          type: 'complaint',
          categoryId: world.categories.noise!,
          description: `自动提交并发 ${i}`,
          nodeId: world.tree.households[0]!.id,
          reporter: { kind: 'caller', phone: '13812345678' },
        }),
      ),
    );
    expect(new Set(submitted.map((d) => d.number)).size).toBe(8);
    for (const d of submitted) {
      expect(await countWhere(database.db, 'audit_event', 'target_id', d.id)).toBe(1);
      expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', d.id)).toBe(1);
      expect((await timelineOf(database.db, d.id)).map((e) => e.seq)).toEqual([1]);
    }
    expect((await verifyAuditChain(database.db, { tenantId: world.tenantId })).breaks).toEqual([]);
  });

  it('starts the audit chain of a tenant that has none yet, writing everything once', async () => {
    const w = await buildDemandWorld(database.db, '532601');
    const heads = () => database.query("SELECT seq::int AS seq FROM audit_head WHERE tenant_id = '532601'");
    expect(await heads()).toEqual([]); // nothing of the new county was audited yet
    const d = await submitTestDemand(database.db, w);
    expect(d.number).toMatch(/-000001$/);
    expect(await heads()).toEqual([{ seq: 1 }]);
    expect(await countWhere(database.db, 'audit_event', 'target_id', d.id)).toBe(1);
    expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', d.id)).toBe(1);
    expect((await timelineOf(database.db, d.id)).map((e) => e.seq)).toEqual([1]);
    expect((await verifyAuditChain(database.db, { tenantId: '532601' })).breaks).toEqual([]);
  });
});
