import type { AppError, RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CategoryRepository } from '../category.repository.ts';
import { buildDemandWorld, contextOf, type DemandWorld, submitTestDemand } from '../testing.ts';
import { updateCategory } from './update-category.ts';

let database: Database;
let world: DemandWorld;
let admin: RequestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
  admin = (await contextOf(database.db, world.tenantId, 'system_admin', world.tree.county)).ctx;
});
afterAll(() => database.close());

const update = (id: string, input: Parameters<typeof updateCategory>[3], ctx = admin) =>
  database.db.transaction((tx) => updateCategory(tx, ctx, id, input));
const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('updateCategory', () => {
  it('moves the default level, and a new demand of the category starts at it', async () => {
    const out = await update(world.categories.noise!, { defaultLevel: 'community' });
    expect(out.defaultLevel).toBe('community');
    expect((await submitTestDemand(database.db, world)).level).toBe('community');
  });

  it('switches publication of a category off and on (isPublic), versioned and audited', async () => {
    const before = await new CategoryRepository(database.db).findOne(world.tenantId, world.categories.pets!);
    expect(before?.isPublic).toBe(true);
    const off = await update(world.categories.pets!, { isPublic: false, version: before!.version });
    expect(off).toMatchObject({ isPublic: false, version: before!.version + 1 });
    const [audit] = await database.query<{ data: unknown }>(
      "SELECT details AS data FROM audit_event WHERE action = 'demand.category.update' AND target_id = $1 ORDER BY seq DESC LIMIT 1",
      [world.categories.pets],
    );
    const data = typeof audit!.data === 'string' ? JSON.parse(audit!.data) : audit!.data;
    expect(data).toMatchObject({ fields: ['isPublic'], isPublic: false });
    expect((await update(world.categories.pets!, { isPublic: true })).isPublic).toBe(true);
  });

  it('replaces the own deadline rules of a top category, which its subcategories inherit', async () => {
    await update(world.categories.neighbourhood!, {
      deadlines: [{ urgency: 'normal', responseValue: 12, responseUnit: 'hours', resolveValue: 72, resolveUnit: 'hours' }],
    });
    const d = await submitTestDemand(database.db, world);
    expect(new Date(d.responseDueAt).getTime() - new Date(d.submittedAt).getTime()).toBe(12 * 3_600_000);
    expect(new Date(d.resolveDueAt).getTime() - new Date(d.submittedAt).getTime()).toBe(72 * 3_600_000);
  });

  it('a rule for a demand type wins over the rules for every type, even from further up the tree', async () => {
    // Enquiries answered within one working day county-wide (on the top category); a sub-category keeps
    // its own rule for every type, which complaints still get.
    await update(world.categories.neighbourhood!, {
      deadlines: [
        { urgency: 'normal', responseValue: 12, responseUnit: 'hours', resolveValue: 72, resolveUnit: 'hours' },
        { urgency: 'normal', type: 'enquiry', responseValue: 2, responseUnit: 'hours', resolveValue: 8, resolveUnit: 'hours' },
      ],
    });
    await update(world.categories.noise!, {
      deadlines: [{ urgency: 'normal', responseValue: 6, responseUnit: 'hours', resolveValue: 48, resolveUnit: 'hours' }],
    });
    const hours = (d: { submittedAt: string; resolveDueAt: string }) =>
      (new Date(d.resolveDueAt).getTime() - new Date(d.submittedAt).getTime()) / 3_600_000;
    expect(hours(await submitTestDemand(database.db, world, { type: 'enquiry' }))).toBe(8);
    expect(hours(await submitTestDemand(database.db, world, { type: 'complaint' }))).toBe(48);

    // The tree shows each category's own and inherited rules, the typed one with its type.
    const tree = await new CategoryRepository(database.db).tree(world.tenantId);
    const noise = tree.flatMap((c) => [c, ...c.children]).find((c) => c.id === world.categories.noise)!;
    expect(noise.deadlines.filter((r) => r.urgency === 'normal')).toEqual([
      { urgency: 'normal', type: null, responseValue: 6, responseUnit: 'hours', resolveValue: 48, resolveUnit: 'hours', inherited: false },
      {
        urgency: 'normal',
        type: 'enquiry',
        responseValue: 2,
        responseUnit: 'hours',
        resolveValue: 8,
        resolveUnit: 'hours',
        inherited: true,
      },
    ]);

    // Two rules for the same urgency and type are refused, naming the row.
    expect(
      await failure(
        update(world.categories.noise!, {
          deadlines: [
            { urgency: 'urgent', type: 'help', responseValue: 1, responseUnit: 'hours', resolveValue: 4, resolveUnit: 'hours' },
            { urgency: 'urgent', type: 'help', responseValue: 2, responseUnit: 'hours', resolveValue: 8, resolveUnit: 'hours' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'invalid_input', details: [{ field: 'deadlines[1].urgency', reason: 'appears twice for type help' }] });
    // Back to the seeded rules for the tests after this one.
    await update(world.categories.noise!, { deadlines: [] });
  });

  it('retires a category: it leaves the tree and takes no new demands', async () => {
    await update(world.categories.pets!, { active: false });
    expect(await failure(submitTestDemand(database.db, world, { categoryId: world.categories.pets }))).toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'categoryId', reason: 'is not an active demand category' }],
    });
  });

  it('refuses the department level without a department (400) and an unknown category (404)', async () => {
    expect(await failure(update(world.categories.garbage!, { defaultLevel: 'department' }))).toMatchObject({
      code: 'invalid_input',
      details: [{ field: 'defaultDepartmentId' }],
    });
    expect(
      await update(world.categories.garbage!, { defaultLevel: 'department', defaultDepartmentId: world.departments.urban_management }),
    ).toMatchObject({ defaultLevel: 'department', defaultDepartmentId: world.departments.urban_management });
    expect(await failure(update('01900000-0000-7000-8000-000000000000', { active: false }))).toMatchObject({ code: 'not_found' });
  });
});
