import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemandWorld, type DemandWorld, demandAt } from '../testing.ts';
import { escalateDemand } from './escalate-demand.ts';

let database: Database;
let world: DemandWorld;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildDemandWorld(database.db);
});
afterAll(() => database.close());

const failure = (p: Promise<unknown>) => p.then(() => undefined).catch((e: AppError) => ({ code: e.code, details: e.details }));

describe('escalateDemand', () => {
  it('climbs compound → community → subdistrict → department, then refuses', async () => {
    const d = await demandAt(database.db, world, 'in_progress');
    const up = (ctx = world.ctx.county, departmentId?: string) =>
      database.db.transaction((tx) => escalateDemand(tx, ctx, d.id, { reason: '小区无法解决', departmentId }));
    expect(await up(world.ctx.property)).toMatchObject({ level: 'community', handlingUnit: { id: world.tree.communities[0]!.id } });
    expect(await up()).toMatchObject({ level: 'subdistrict', handlingUnit: { id: world.tree.subdistricts[0]!.id } });
    expect(await failure(up())).toMatchObject({ code: 'invalid_input', details: [{ field: 'departmentId' }] });
    expect(await up(world.ctx.county, world.departments.housing)).toMatchObject({ level: 'department' });
    const refused = await up().catch((e: AppError) => e);
    expect(refused).toMatchObject({
      code: 'conflict',
      message: 'Cannot escalate: a demand at a county department cannot be escalated further',
    });
    expect((refused as AppError).messageIn('zh-CN')).toBe('不能提级：已在县级部门办理，不能再提级');
    const [row] = await database.query<{ escalation_count: number }>('SELECT escalation_count FROM demand WHERE id = $1', [d.id]);
    expect(row!.escalation_count).toBe(3);
  });
});
