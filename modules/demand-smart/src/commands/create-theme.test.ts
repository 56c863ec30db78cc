import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, countWhere, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateThemeBody } from '../contract.ts';
import { listHotspots } from '../hotspot-report.ts';
import { insertDemands } from '../testing.ts';
import { createTheme } from './create-theme.ts';

let database: Database;
let world: DemandWorld;
let body: CreateThemeBody;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  // Parking at compounds[0]: none before, 6 in May 2026.
  await insertDemands(
    database.db,
    world,
    Array.from({ length: 6 }, (_, i) => ({
      text: `车位被占${i}`,
      category: 'illegal_parking',
      nodeId: world.tree.households[i]!.id,
      submittedAt: new Date('2026-05-10T10:00:00+08:00'),
    })),
  );
  body = {
    month: '2026-05',
    nodeId: world.tree.compounds[0]!.id,
    categoryId: world.categories.illegal_parking!,
    title: '金都家园停车难',
    note: ' 先摸排车位 ',
  };
});
afterAll(() => database.close());

const create = (input: CreateThemeBody, ctx = world.ctx.community) => database.db.transaction((tx) => createTheme(tx, ctx, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('createTheme', () => {
  it('makes a monthly theme of a hot spot with its evidence, audited, and the hot spot then points to it', async () => {
    const audits = await countWhere(database.db, 'audit_event', 'action', 'demand.theme.create');
    const theme = await create(body);
    expect(theme).toMatchObject({
      month: '2026-05',
      nodeId: world.tree.compounds[0]!.id,
      nodeName: world.tree.compounds[0]!.name,
      categoryName: '乱停乱放',
      title: '金都家园停车难',
      note: '先摸排车位',
      status: 'open',
      outcome: null,
      closedAt: null,
      version: 1,
      createdBy: world.ctx.community.actor.username,
    });
    expect(theme.evidence).toMatchObject({ count: 6, baseline: 0, kinds: ['rising'] });
    expect(await countWhere(database.db, 'audit_event', 'action', 'demand.theme.create')).toBe(audits + 1);
    expect(await countWhere(database.db, 'outbox_event', 'aggregate_id', theme.id)).toBe(1);
    const hot = await listHotspots(database.db, world.ctx.community, { nodeId: world.tree.communities[0]!.id, month: '2026-05' });
    expect(hot.items).toMatchObject([{ nodeId: world.tree.compounds[0]!.id, themeId: theme.id }]);
  });

  it('keeps one theme per place, month and category (409), and allows another month', async () => {
    expect(await failure(create(body))).toMatchObject({ code: 'conflict', details: { field: 'categoryId' } });
    const june = await create({ ...body, month: '2026-06' });
    expect(june.evidence).toEqual({ count: 0, kinds: [] });
  });

  it('refuses an unknown place or category with the fields, and callers who do not dispatch there', async () => {
    expect(
      await failure(
        create({ ...body, nodeId: '01900000-0000-7000-8000-000000000003', categoryId: '01900000-0000-7000-8000-000000000004' }),
      ),
    ).toEqual({
      code: 'invalid_input',
      details: [
        { field: 'nodeId', reason: 'is not a place in this county' },
        { field: 'categoryId', reason: 'is not a demand category of this county' },
      ],
    });
    expect(await failure(create({ ...body, month: '2026-07' }, world.ctx.grid))).toMatchObject({ code: 'forbidden' });
    // Another community's place answers like an unknown one.
    expect(await failure(create({ ...body, month: '2026-07' }, world.ctx.otherCommunity))).toEqual({
      code: 'invalid_input',
      details: [{ field: 'nodeId', reason: 'is not a place in this county' }],
    });
    const [{ n }] = (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM demand_theme WHERE month = '2026-07'`)) as [
      { n: number },
    ];
    expect(n).toBe(0);
  });
});
