import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, contextOf, type DemandWorld, submitTestDemand } from '../testing.ts';
import { createCategory } from './create-category.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const create = (input: Parameters<typeof createCategory>[2], ctx = admin) =>
  database.db.transaction((tx) => createCategory(tx, ctx, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('createCategory', () => {
  it('adds a subcategory with its own urgent deadline and the parent’s others; new demands use them', async () => {
    const c = await create({
      parentId: world.categories.environment,
      code: 'dog_waste',
      name: '犬只粪便',
      defaultLevel: 'compound',
      deadlines: [{ urgency: 'urgent', responseValue: 1, responseUnit: 'hours', resolveValue: 8, resolveUnit: 'hours' }],
    });
    expect(c).toMatchObject({ code: 'dog_waste', defaultLevel: 'compound', parentId: world.categories.environment });
    expect(c.deadlines.map((d) => [d.urgency, d.resolveValue, d.inherited])).toEqual([
      ['critical', 4, true],
      ['normal', 5, true],
      ['urgent', 8, false],
    ]);
    const d = await submitTestDemand(database.db, world, { categoryId: c.id, urgency: 'urgent' });
    expect(new Date(d.resolveDueAt).getTime() - new Date(d.submittedAt).getTime()).toBe(8 * 3_600_000);
  });

  it('needs demand.configure on the county; community staff get 403', async () => {
    expect(await failure(create({ code: 'x_one', name: '新类', defaultLevel: 'community' }, world.ctx.community))).toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses a department level without a department, a duplicate urgency, and a taken code', async () => {
    expect(
      await failure(
        create({
          code: 'x_two',
          name: '新类二',
          defaultLevel: 'department',
          deadlines: [
            { urgency: 'normal', responseValue: 1, responseUnit: 'hours', resolveValue: 1, resolveUnit: 'working_days' },
            { urgency: 'normal', responseValue: 2, responseUnit: 'hours', resolveValue: 2, resolveUnit: 'working_days' },
          ],
        }),
      ),
    ).toEqual({
      code: 'invalid_input',
      details: [
        { field: 'defaultDepartmentId', reason: 'is required when the default level is department' },
        { field: 'deadlines[1].urgency', reason: 'appears twice' },
      ],
    });
    expect(await failure(create({ code: 'noise', name: '另一个噪音', defaultLevel: 'compound' }))).toMatchObject({
      code: 'conflict',
      details: { field: 'code' },
    });
  });
});
