import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { KpiRepository } from '@linli/demand-stats';
import { buildDemandWorld, type DemandWorld, testCipher } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemandImportConfig } from '../contract.ts';
import { hotline12345Config } from '../presets.ts';
import { createMapping } from './create-mapping.ts';
import { importDemands } from './import-demands.ts';

// Accepted / dispatched / resolved times of imported work orders: read from the mapped columns,
// derived where the source lacks them, checked for order, updated on re-import, and what the KPIs
// then make of them.

let database: Database;
let world: DemandWorld;
let mappingId: string;
let legacyMappingId: string;
const header = '工单编号,受理时间,签收时间,派单时间,办理完成时间,办结时间,工单状态,诉求内容,诉求分类';
const file = (...lines: string[]) => Buffer.from([header, ...lines].join('\n'));
const legacyHeader = '工单编号,受理时间,办结时间,工单状态,诉求内容,诉求分类';

const config: DemandImportConfig = {
  ...hotline12345Config,
  columns: {
    externalId: '工单编号',
    submittedAt: '受理时间',
    acceptedAt: '签收时间',
    dispatchedAt: '派单时间',
    resolvedAt: '办理完成时间',
    closedAt: '办结时间',
    status: '工单状态',
    description: ['诉求内容'],
    category: '诉求分类',
  },
};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  mappingId = (await database.db.transaction((tx) => createMapping(tx, world.ctx.county, { name: 'with times', config }))).id;
  // A mapping as saved before the time columns existed: its stored JSON has no such keys.
  const legacy = structuredClone(config) as DemandImportConfig;
  legacy.columns = {
    externalId: '工单编号',
    submittedAt: '受理时间',
    closedAt: '办结时间',
    status: '工单状态',
    description: ['诉求内容'],
    category: '诉求分类',
  };
  legacyMappingId = (await database.db.transaction((tx) => createMapping(tx, world.ctx.county, { name: 'legacy', config: legacy }))).id;
  await database.query(
    `UPDATE demand_import_mapping SET config = jsonb_set(config, '{columns}', (config->'columns') - 'acceptedAt' - 'dispatchedAt' - 'resolvedAt') WHERE id = '${legacyMappingId}'`,
  );
});
afterAll(async () => {
  await database.close();
});

const run = (data: Buffer, id = mappingId) =>
  importDemands({ db: database.db, cipher: testCipher }, world.ctx.county, { mappingId: id, fileName: 'orders.csv', data });
const demand = async (externalId: string) =>
  (await database.query<Record<string, unknown>>(`SELECT * FROM demand WHERE external_id = '${externalId}'`))[0]!;
const at = (v: unknown) => (v === null ? null : new Date(v as string).toISOString());
const times = async (externalId: string) => {
  const d = await demand(externalId);
  return { responded: at(d.responded_at), dispatched: at(d.dispatched_at), resolved: at(d.resolved_at), closed: at(d.closed_at) };
};
const lastImported = async (externalId: string) =>
  (
    await database.query<{ data: Record<string, unknown> }>(
      `SELECT e.data FROM demand_event e JOIN demand d ON d.id = e.demand_id
       WHERE d.external_id = '${externalId}' AND e.action = 'imported' ORDER BY e.seq DESC LIMIT 1`,
    )
  )[0]!.data;
const demandCount = async () => (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM demand'))[0]!.n;

describe('times of imported work orders', () => {
  it('takes accepted, dispatched, resolved and closed times from their columns and derives a missing acceptance from the next step', async () => {
    const result = await run(
      file(
        'T1,2026-05-01 08:00:00,2026-05-01 08:10:00,2026-05-01 09:00:00,2026-05-02 10:00:00,2026-05-03 10:00:00,已归档,路灯不亮,路灯照明',
        'T2,2026-05-02 08:00:00,,,,2026-05-02 08:20:00,已归档,路灯不亮,路灯照明',
        'T3,2026-05-03 08:00:00,,,,,办理中,路灯不亮,路灯照明',
        'T4,2026-05-04 08:00:00,2026-05-28 08:00:00,,,,已受理,路灯不亮,路灯照明',
      ),
    );
    expect(result).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0 });

    // Beijing time − 8 h.
    expect(await times('T1')).toEqual({
      responded: '2026-05-01T00:10:00.000Z',
      dispatched: '2026-05-01T01:00:00.000Z',
      resolved: '2026-05-02T02:00:00.000Z',
      closed: '2026-05-03T02:00:00.000Z',
    });
    expect((await demand('T1')).status).toBe('closed');
    // Closed without an acceptance time: accepted at the latest when closed; dispatch is not guessed.
    expect(await times('T2')).toEqual({
      responded: '2026-05-02T00:20:00.000Z',
      dispatched: null,
      resolved: '2026-05-02T00:20:00.000Z',
      closed: '2026-05-02T00:20:00.000Z',
    });
    // In progress with no dated step: the acceptance time is unknown.
    expect(await times('T3')).toEqual({ responded: null, dispatched: null, resolved: null, closed: null });
    expect(await times('T4')).toEqual({ responded: '2026-05-28T00:00:00.000Z', dispatched: null, resolved: null, closed: null });

    // The timeline entry carries the historical times and says which were derived.
    expect(await lastImported('T1')).toMatchObject({
      times: {
        submittedAt: '2026-05-01T00:00:00.000Z',
        acceptedAt: '2026-05-01T00:10:00.000Z',
        dispatchedAt: '2026-05-01T01:00:00.000Z',
        resolvedAt: '2026-05-02T02:00:00.000Z',
        closedAt: '2026-05-03T02:00:00.000Z',
      },
      derived: [],
    });
    expect(await lastImported('T2')).toMatchObject({
      times: { acceptedAt: '2026-05-02T00:20:00.000Z', dispatchedAt: null, closedAt: '2026-05-02T00:20:00.000Z' },
      derived: ['resolvedAt', 'acceptedAt'],
    });
  });

  it('counts the imported times in the KPIs, the same from the rollup and from the rows', async () => {
    const root = { id: world.tree.county.id, path: world.tree.county.path };
    const asOf = new Date('2026-07-01T00:00:00Z');
    const fromRollup = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2026-05-01', '2026-05-31', asOf);
    const fromRows = await new KpiRepository(database.db, { rollup: false }).forSubtree(
      world.tenantId,
      root,
      '2026-05-01',
      '2026-05-31',
      asOf,
    );
    expect(fromRollup).toEqual(fromRows);
    const due = await database.query<{ external_id: string; on_time: boolean }>(
      `SELECT external_id, responded_at <= response_due_at AS on_time FROM demand WHERE external_id LIKE 'T%' ORDER BY external_id`,
    );
    // T1 accepted 10 minutes and T2 closed 20 minutes after the call: on time whatever the rule; T4 after 24 days: late.
    expect(due.map((d) => d.on_time)).toEqual([true, true, null, false]);
    expect(fromRows).toMatchObject({
      submitted: 4,
      accepted: 4,
      responseDue: 4, // T3's acceptance time is unknown and its deadline has passed: due, not on time
      respondedOnTime: 2,
      responseRate: 0.5,
      resolved: 2,
      closed: 2,
      averageHandlingHours: 13.2, // (26 h + 20 min) / 2
    });
    const onTime = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM demand WHERE external_id LIKE 'T%' AND resolved_at <= resolve_due_at`,
    );
    expect(fromRows.resolvedOnTime).toBe(onTime[0]!.n);
  });

  it('reports steps out of order per row with column, reason and value, and imports nothing', async () => {
    const before = await demandCount();
    await expect(
      run(
        file(
          'B1,2026-05-10 08:00:00,2026-05-10 07:00:00,,,,已受理,路灯不亮,路灯照明',
          'B2,2026-05-10 08:00:00,2026-05-10 09:00:00,2026-05-10 08:30:00,,,已派单,路灯不亮,路灯照明',
          'B3,2026-05-10 08:00:00,,,2026-05-12 08:00:00,2026-05-11 08:00:00,已归档,路灯不亮,路灯照明',
          'B4,2026-05-10 08:00:00,,2026-05-09 08:00:00,,,已派单,路灯不亮,路灯照明',
          'B5,2026-05-10 08:00:00,,,,2026-05-09 08:00:00,已归档,路灯不亮,路灯照明',
          'B6,2026-05-10 08:00:00,,,2026-05-11 08:00:00,,已办结,路灯不亮,路灯照明',
        ),
      ),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      details: [
        { row: 2, column: '签收时间', reason: 'accepted before it was created (2026-05-10 08:00:00)', value: '2026-05-10 07:00:00' },
        { row: 3, column: '派单时间', reason: 'dispatched before it was accepted (2026-05-10 09:00:00)', value: '2026-05-10 08:30:00' },
        { row: 4, column: '办结时间', reason: 'closed before it was resolved (2026-05-12 08:00:00)', value: '2026-05-11 08:00:00' },
        { row: 5, column: '派单时间', reason: 'dispatched before it was created (2026-05-10 08:00:00)', value: '2026-05-09 08:00:00' },
        { row: 6, column: '办结时间', reason: 'closed before it was created (2026-05-10 08:00:00)', value: '2026-05-09 08:00:00' },
      ],
    });
    expect(await demandCount()).toBe(before);
    // B6 alone (resolved with its resolved time but no closed date) was fine.
  });

  it('updates the times on re-import, and keeps an acceptance time the file does not give', async () => {
    const result = await run(
      file(
        // T1 again without its accepted and dispatched times: it keeps them.
        'T1,2026-05-01 08:00:00,,,2026-05-02 10:00:00,2026-05-03 10:00:00,已归档,路灯不亮,路灯照明',
        // T2 unchanged.
        'T2,2026-05-02 08:00:00,,,,2026-05-02 08:20:00,已归档,路灯不亮,路灯照明',
        // T3 now dated: accepted, dispatched and resolved.
        'T3,2026-05-03 08:00:00,2026-05-03 08:05:00,2026-05-03 09:00:00,2026-05-04 08:00:00,,已办结,路灯不亮,路灯照明',
        // T4's acceptance corrected at the source.
        'T4,2026-05-04 08:00:00,2026-05-04 08:30:00,,,,已受理,路灯不亮,路灯照明',
      ),
    );
    expect(result).toMatchObject({ rows: 4, created: 0, updated: 2, unchanged: 2 });
    expect(await times('T1')).toMatchObject({ responded: '2026-05-01T00:10:00.000Z', dispatched: '2026-05-01T01:00:00.000Z' });
    expect(await times('T3')).toEqual({
      responded: '2026-05-03T00:05:00.000Z',
      dispatched: '2026-05-03T01:00:00.000Z',
      resolved: '2026-05-04T00:00:00.000Z',
      closed: null,
    });
    expect((await demand('T3')).status).toBe('resolved');
    expect(await times('T4')).toMatchObject({ responded: '2026-05-04T00:30:00.000Z' });
    expect(await lastImported('T3')).toMatchObject({
      update: true,
      times: { acceptedAt: '2026-05-03T00:05:00.000Z', dispatchedAt: '2026-05-03T01:00:00.000Z', resolvedAt: '2026-05-04T00:00:00.000Z' },
    });

    // The KPIs follow (the rollup triggers see the updated times).
    const root = { id: world.tree.county.id, path: world.tree.county.path };
    const asOf = new Date('2026-07-01T00:00:00Z');
    const fromRollup = await new KpiRepository(database.db).forSubtree(world.tenantId, root, '2026-05-01', '2026-05-31', asOf);
    const fromRows = await new KpiRepository(database.db, { rollup: false }).forSubtree(
      world.tenantId,
      root,
      '2026-05-01',
      '2026-05-31',
      asOf,
    );
    expect(fromRollup).toEqual(fromRows);
    expect(fromRows).toMatchObject({ responseDue: 4, respondedOnTime: 4, resolved: 3 });
  });

  it('imports through a mapping saved before the time columns existed', async () => {
    const result = await run(
      Buffer.from([legacyHeader, 'L1,2026-05-05 08:00:00,2026-05-05 09:00:00,已归档,路灯不亮,路灯照明'].join('\n')),
      legacyMappingId,
    );
    expect(result).toMatchObject({ created: 1 });
    expect(await times('L1')).toEqual({
      responded: '2026-05-05T01:00:00.000Z',
      dispatched: null,
      resolved: '2026-05-05T01:00:00.000Z',
      closed: '2026-05-05T01:00:00.000Z',
    });
    const stored = await database.query<{ columns: Record<string, unknown> }>(
      `SELECT config->'columns' AS columns FROM demand_import_mapping WHERE id = '${legacyMappingId}'`,
    );
    expect(Object.keys(stored[0]!.columns)).not.toContain('acceptedAt');
  });

  it('on a re-import that keeps the acceptance time, the timeline entry shows it as kept, not derived', async () => {
    // T1 closed later at the source, still without accepted and dispatched times: the demand keeps
    // its acceptance (00:10 UTC); the file alone would derive one from the resolved time.
    const result = await run(file('T1,2026-05-01 08:00:00,,,2026-05-02 10:00:00,2026-05-03 12:00:00,已归档,路灯不亮,路灯照明'));
    expect(result).toMatchObject({ updated: 1 });
    expect(await times('T1')).toMatchObject({ responded: '2026-05-01T00:10:00.000Z', closed: '2026-05-03T04:00:00.000Z' });
    const entry = await lastImported('T1');
    expect(entry).toMatchObject({ update: true, times: { acceptedAt: '2026-05-01T00:10:00.000Z', closedAt: '2026-05-03T04:00:00.000Z' } });
    expect(entry.derived).not.toContain('acceptedAt');
  });
});
