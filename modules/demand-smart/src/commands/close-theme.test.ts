import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildDemandWorld, countWhere, type DemandWorld } from '@linli/demands/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Theme } from '../contract.ts';
import { closeTheme } from './close-theme.ts';
import { createTheme } from './create-theme.ts';

let database: Database;
let world: DemandWorld;
let theme: Theme;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  theme = await database.db.transaction((tx) =>
    createTheme(tx, world.ctx.community, {
      month: '2026-05',
      nodeId: world.tree.compounds[0]!.id,
      categoryId: world.categories.noise!,
      title: '夜间噪音',
    }),
  );
});
afterAll(() => database.close());

const close = (id: string, input: Parameters<typeof closeTheme>[3], ctx = world.ctx.community) =>
  database.db.transaction((tx) => closeTheme(tx, ctx, id, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('closeTheme', () => {
  it('is 404 for a theme outside the caller’s scope and 403 for readers who do not dispatch there', async () => {
    expect(await failure(close(theme.id, { status: 'closed', outcome: '已处理' }, world.ctx.otherCommunity))).toMatchObject({
      code: 'not_found',
    });
    expect(await failure(close(theme.id, { status: 'closed', outcome: '已处理' }, world.ctx.grid))).toMatchObject({ code: 'forbidden' });
    expect(await failure(close(theme.id, { status: 'closed', outcome: '已处理', version: 7 }))).toMatchObject({
      code: 'conflict',
      details: { status: 'open', version: 1 },
    });
  });

  it('closes with the outcome, audited, once', async () => {
    const closed = await close(theme.id, { status: 'closed', outcome: ' 协调施工方调整作业时间，投诉下降 ', version: 1 });
    expect(closed).toMatchObject({ status: 'closed', outcome: '协调施工方调整作业时间，投诉下降', version: 2 });
    expect(closed.closedAt).not.toBeNull();
    expect(await countWhere(database.db, 'audit_event', 'action', 'demand.theme.close')).toBe(1);
    expect(await failure(close(theme.id, { status: 'closed', outcome: '再关一次' }))).toMatchObject({
      code: 'conflict',
      details: { status: 'closed' },
    });
  });
});
