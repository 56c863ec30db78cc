import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, monthOf } from './hotspot.repository.ts';
import { listHotspots } from './hotspot-report.ts';
import { insertDemands, type RawDemand } from './testing.ts';

let database: Database;
let world: DemandWorld;

const mid = (month: string) => new Date(`${month}-15T12:00:00+08:00`);
const many = (n: number, d: Omit<RawDemand, 'text'>): RawDemand[] => Array.from({ length: n }, (_, i) => ({ text: `第${i}件`, ...d }));

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  const h = world.tree.households;
  await insertDemands(database.db, world, [
    // compounds[0]: parking jumps from 1 a month to 8 in May (the last one late on 31 May, Shanghai time).
    ...['2026-02', '2026-03', '2026-04'].flatMap((m) => many(1, { category: 'illegal_parking', nodeId: h[0]!.id, submittedAt: mid(m) })),
    ...many(7, { category: 'illegal_parking', nodeId: h[1]!.id, submittedAt: mid('2026-05') }),
    { text: '月末', category: 'illegal_parking', nodeId: h[0]!.id, submittedAt: new Date('2026-05-31T23:30:00+08:00') },
    // …already June in Shanghai, though still 31 May in UTC.
    { text: '月初', category: 'illegal_parking', nodeId: h[0]!.id, submittedAt: new Date('2026-06-01T00:30:00+08:00') },
    // Duplicates and rejected demands are not counted.
    ...many(3, { category: 'illegal_parking', nodeId: h[0]!.id, submittedAt: mid('2026-05'), status: 'rejected' }),
    // compounds[1]: noise, 4 a month for five months.
    ...['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].flatMap((m) =>
      many(4, { category: 'noise', nodeId: h[8]!.id, submittedAt: mid(m) }),
    ),
    // compounds[0]: a little garbage, no hot spot.
    ...many(2, { category: 'garbage', nodeId: h[0]!.id, submittedAt: mid('2026-05') }),
    // Another community (communities[2]): safety, new in May.
    ...many(9, { category: 'fire_lane', nodeId: h[32]!.id, submittedAt: mid('2026-05') }),
  ]);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code }));

describe('listHotspots', () => {
  it('ranks repeated and rising categories of the compounds of a community, counted by Shanghai month', async () => {
    const list = await listHotspots(database.db, world.ctx.community, { nodeId: world.tree.communities[0]!.id, month: '2026-05' });
    expect(list.month).toBe('2026-05');
    expect(list.items.map((h) => [h.nodeName, h.categoryName, h.kinds, h.count])).toEqual([
      [world.tree.compounds[1]!.name, '噪音扰民', ['repeated'], 4],
      [world.tree.compounds[0]!.name, '乱停乱放', ['rising'], 8],
    ]);
    const parking = list.items[1]!;
    expect(parking).toMatchObject({
      nodeId: world.tree.compounds[0]!.id,
      categoryId: world.categories.illegal_parking,
      baseline: 1,
      themeId: null,
      theme: `${world.tree.compounds[0]!.name}乱停乱放问题`,
    });
    expect(parking.reason).toContain('本月8件');
    expect(list.items[0]!.streak).toBe(5);
  });

  it('counts whole communities when asked, and the county sees every community', async () => {
    const byCommunity = await listHotspots(database.db, world.ctx.community, {
      nodeId: world.tree.communities[0]!.id,
      month: '2026-05',
      by: 'community',
    });
    expect(byCommunity.items.map((h) => [h.nodeId, h.categoryName])).toEqual([
      [world.tree.communities[0]!.id, '噪音扰民'],
      [world.tree.communities[0]!.id, '乱停乱放'],
    ]);
    const county = await listHotspots(database.db, world.ctx.county, { nodeId: world.tree.county.id, month: '2026-05', limit: 1 });
    expect(county.items).toMatchObject([{ categoryName: '消防通道', count: 9, kinds: ['rising'] }]);
  });

  it('defaults to the current month and finds nothing in a quiet one', async () => {
    const june = await listHotspots(
      database.db,
      world.ctx.community,
      { nodeId: world.tree.communities[0]!.id },
      new Date('2026-06-10T00:00:00+08:00'),
    );
    expect(june).toMatchObject({ month: '2026-06', items: [] });
  });

  it('answers a place outside the caller’s demand.read scope like an unknown place (404), and 403 without demand.read', async () => {
    expect(await failure(listHotspots(database.db, world.ctx.community, { nodeId: world.tree.communities[2]!.id }))).toEqual({
      code: 'not_found',
    });
    expect(await failure(listHotspots(database.db, world.ctx.resident, { nodeId: world.tree.compounds[0]!.id }))).toEqual({
      code: 'forbidden',
    });
    expect(await failure(listHotspots(database.db, world.ctx.county, { nodeId: '01900000-0000-7000-8000-000000000002' }))).toEqual({
      code: 'not_found',
    });
  });
});

describe('month arithmetic', () => {
  it('adds months across years and takes the month in Shanghai', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-05', -11)).toBe('2025-06');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(monthOf(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06');
    expect(monthOf(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05');
  });
});
