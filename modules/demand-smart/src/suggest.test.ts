import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { handlingLevels } from '@linli/demands';
import { buildDemandWorld, contextOf, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarTo, suggestFor } from './suggest.ts';
import { insertDemands } from './testing.ts';

let database: Database;
let world: DemandWorld;
const ids: Record<string, string> = {};

const CHARGING = '楼道里有人给电动车飞线充电，很危险，希望物业管一管';
const DAY = 86_400_000;
const now = Date.now();
const daysAgo = (n: number) => new Date(now - n * DAY);
// Coordinates of the new demand and of a demand 80 m north of it, filed at the community node.
const HERE = { lat: 36.3812, lng: 119.7531 };
const NEAR = { lat: 36.3812 + 80 / 111_320, lng: 119.7531 };

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  const h = world.tree.households;
  const fixtures = {
    open: { text: CHARGING, category: 'safety', status: 'dispatched', nodeId: h[2]!.id, submittedAt: daysAgo(3) },
    twin: {
      text: CHARGING,
      category: 'safety',
      status: 'submitted',
      nodeId: h[0]!.id,
      submittedAt: daysAgo(1),
      reporterAccountId: world.ctx.resident.actor.accountId,
    },
    closed: { text: CHARGING, category: 'safety', status: 'closed', nodeId: h[0]!.id, submittedAt: daysAgo(2) },
    otherCompound: { text: CHARGING, category: 'safety', status: 'accepted', nodeId: h[8]!.id, submittedAt: daysAgo(2) },
    otherTopic: {
      text: '小区广场舞音响声音太大，每天晚上吵得睡不着',
      category: 'noise',
      status: 'dispatched',
      nodeId: h[3]!.id,
      submittedAt: daysAgo(2),
    },
    old: { text: CHARGING, category: 'safety', status: 'dispatched', nodeId: h[2]!.id, submittedAt: daysAgo(40) },
    otherCommunity: { text: CHARGING, category: 'safety', status: 'dispatched', nodeId: h[32]!.id, submittedAt: daysAgo(2) },
    nearby: {
      text: CHARGING,
      category: 'safety',
      status: 'accepted',
      nodeId: world.tree.communities[0]!.id,
      submittedAt: daysAgo(4),
      ...NEAR,
    },
  };
  const made = await insertDemands(database.db, world, Object.values(fixtures));
  Object.keys(fixtures).forEach((name, i) => {
    ids[name] = made[i]!;
  });
});
afterAll(() => database.close());

const names = (list: { id: string }[]) => list.map((s) => Object.entries(ids).find(([, id]) => id === s.id)?.[0] ?? s.id).sort();
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('suggestFor', () => {
  it('gives staff the top 3 categories and levels, best first, with confidences', async () => {
    const s = await suggestFor(database.db, world.ctx.grid, { title: '电动车楼道充电', description: '有人把电动车推进楼道飞线充电' });
    expect(s.categories).toHaveLength(3);
    expect(s.categories[0]).toMatchObject({ code: 'safety', categoryId: world.categories.safety, name: '安全隐患' });
    for (const c of s.categories) expect(world.categories[c.code]).toBe(c.categoryId);
    const confidences = s.categories.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    expect(s.levels.length).toBeGreaterThan(0);
    expect(s.levels.length).toBeLessThanOrEqual(3);
    for (const l of s.levels) expect(handlingLevels).toContain(l.level);
    expect(s.similar).toEqual([]); // no place given
  });

  it('lists similar open demands at the same compound within the window, not closed, old, other-topic or elsewhere', async () => {
    const s = await suggestFor(database.db, world.ctx.grid, {
      description: '电动车在楼道里飞线充电，太危险了',
      nodeId: world.tree.households[1]!.id,
    });
    expect(names(s.similar)).toEqual(['open', 'twin']);
    expect(s.similar.every((d) => d.matchedBy === 'node' && d.score >= 0.45 && !d.mine)).toBe(true);
    expect(s.similar[0]).toMatchObject({ number: expect.any(String), title: expect.any(String), status: expect.any(String) });
  });

  it('adds demands within the radius of the coordinates, with their distance', async () => {
    const s = await suggestFor(database.db, world.ctx.grid, { description: CHARGING, nodeId: world.tree.households[1]!.id, ...HERE });
    expect(names(s.similar)).toEqual(['nearby', 'open', 'twin']);
    const nearby = s.similar.find((d) => d.id === ids.nearby)!;
    expect(nearby).toMatchObject({ matchedBy: 'radius' });
    expect(nearby.distanceMeters).toBeGreaterThan(70);
    expect(nearby.distanceMeters).toBeLessThan(90);
    const far = await suggestFor(database.db, world.ctx.grid, { description: CHARGING, lat: HERE.lat + 0.01, lng: HERE.lng });
    expect(far.similar).toEqual([]);
  });

  it('shows a resident only demands of their own compound, their own marked, with public fields only', async () => {
    const mine = await suggestFor(database.db, world.ctx.resident, { description: CHARGING, nodeId: world.tree.households[0]!.id });
    expect(names(mine.similar)).toEqual(['open', 'twin']);
    expect(mine.similar.find((d) => d.id === ids.twin)!.mine).toBe(true);
    for (const d of mine.similar)
      expect(Object.keys(d).sort()).toEqual(['id', 'matchedBy', 'mine', 'number', 'score', 'status', 'submittedAt', 'title']);
    const neighbour = await suggestFor(database.db, world.ctx.neighbour, { description: CHARGING, nodeId: world.tree.households[1]!.id });
    expect(neighbour.similar.map((d) => d.mine)).toEqual([false, false]);
    // Another compound: its demands are not the resident's to see.
    const elsewhere = await suggestFor(database.db, world.ctx.resident, { description: CHARGING, nodeId: world.tree.households[8]!.id });
    expect(elsewhere.similar).toEqual([]);
    const byRadius = await suggestFor(database.db, world.ctx.resident, { description: CHARGING, ...HERE });
    expect(byRadius.similar).toEqual([]);
  });

  it('leaves out retired categories and takes the next one', async () => {
    await database.query(`UPDATE demand_category SET active = false WHERE code = 'safety'`);
    try {
      const s = await suggestFor(database.db, world.ctx.grid, { description: '有人把电动车推进楼道飞线充电' });
      expect(s.categories).toHaveLength(3);
      expect(s.categories.map((c) => c.code)).not.toContain('safety');
    } finally {
      await database.query(`UPDATE demand_category SET active = true WHERE code = 'safety'`);
    }
  });

  it('refuses an unknown place, half coordinates, and callers who neither take in demands nor are residents', async () => {
    expect(
      await failure(suggestFor(database.db, world.ctx.grid, { description: CHARGING, nodeId: '01900000-0000-7000-8000-000000000001' })),
    ).toEqual({
      code: 'invalid_input',
      details: [{ field: 'nodeId', reason: 'is not a place in this county' }],
    });
    expect(await failure(suggestFor(database.db, world.ctx.grid, { description: CHARGING, lat: 36 }))).toMatchObject({
      code: 'invalid_input',
    });
    const volunteer = (await contextOf(database.db, world.tenantId, 'volunteer', world.tree.communities[0]!)).ctx;
    expect(await failure(suggestFor(database.db, volunteer, { description: CHARGING }))).toMatchObject({ code: 'forbidden' });
  });
});

describe('similarTo', () => {
  it('suggests merging an open twin at the same place and linking the rest, within the window', async () => {
    const items = await similarTo(database.db, world.ctx.grid, ids.open!);
    // `nearby` is filed at the community node, outside the compound, and the subject has no coordinates.
    expect(names(items)).toEqual(['closed', 'twin']);
    expect(items.find((d) => d.id === ids.twin)).toMatchObject({
      suggestion: 'merge',
      score: 1,
      categoryId: world.categories.safety,
      level: 'community',
    });
    expect(items.find((d) => d.id === ids.closed)).toMatchObject({ suggestion: 'link', status: 'closed' });
    expect(names(await similarTo(database.db, world.ctx.grid, ids.open!, { windowDays: 60 }))).toContain('old');
    expect(await similarTo(database.db, world.ctx.grid, ids.open!, { limit: 1 })).toHaveLength(1);
  });

  it('is 404 for a demand the caller cannot see and 403 for callers without demand.read', async () => {
    expect(await failure(similarTo(database.db, world.ctx.otherCommunity, ids.open!))).toMatchObject({ code: 'not_found' });
    expect(await failure(similarTo(database.db, world.ctx.resident, ids.twin!))).toMatchObject({ code: 'forbidden' });
    // Staff of another community see their own demand's twins only inside their scope.
    expect(await similarTo(database.db, world.ctx.otherCommunity, ids.otherCommunity!)).toEqual([]);
  });
});
