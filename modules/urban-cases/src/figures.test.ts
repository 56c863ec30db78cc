import { newId } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urbanCaseFigures } from './index.ts';
import { buildUrbanWorld } from './testing.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildUrbanWorld>>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildUrbanWorld(database);
  const { tree, departmentId } = world;
  const db = database.db;
  // Closed cases (closed_at China time = UTC + 8): [kind, node, quantity, closed at (UTC)]
  const closed: [string, string, number, string][] = [
    ['illegal_structure', tree.a.compound.id, 120.5, '2026-03-10T02:00:00Z'],
    ['illegal_structure', tree.a.building.id, 79.5, '2026-05-01T02:00:00Z'],
    ['illegal_structure', tree.b.compound.id, 300, '2026-04-01T02:00:00Z'],
    ['rubbish', tree.a.compound.id, 2.3, '2026-02-01T02:00:00Z'],
    ['rubbish', tree.a.compound.id, 1.2, '2026-06-30T17:00:00Z'], // 2026-07-01 01:00 in China: after the range
    ['parking', tree.a.compound.id, 24, '2026-01-01T00:30:00Z'], // 2026-01-01 08:30 in China: inside
    ['charger', tree.b.compound.id, 6, '2026-03-03T03:00:00Z'],
    ['clutter', tree.a.compound.id, 3, '2026-03-03T03:00:00Z'],
    ['illegal_structure', tree.a.compound.id, 50, '2025-12-31T15:59:00Z'], // 2025-12-31 23:59 in China: before
  ];
  for (const [kind, node, quantity, at] of closed) {
    await db.execute(sql`INSERT INTO urban_case (tenant_id, id, kind, node_id, description, quantity, department_id, status, source, reported_at, assigned_at, closed_at)
      VALUES ('370785', ${newId()}, ${kind}, ${node}, '案件', ${quantity}, ${departmentId}, 'closed', 'staff', '2025-12-01', '2025-12-02', ${at})`);
  }
  // Open cases never count.
  await db.execute(sql`INSERT INTO urban_case (tenant_id, id, kind, node_id, description, quantity, department_id, status, source, reported_at)
    VALUES ('370785', ${newId()}, 'illegal_structure', ${tree.a.compound.id}, '未办结', 999, ${departmentId}, 'assigned', 'staff', '2026-03-01')`);
  // Renovation projects: accepted in the range (compound a twice, b once), accepted before it, under way.
  const project = async (status: string, acceptedOn: string | null, compounds: string[]) => {
    const id = newId();
    await db.execute(sql`INSERT INTO urban_renovation (tenant_id, id, name, node_id, budget, status, accepted_on)
      VALUES ('370785', ${id}, '改造', ${tree.subdistrict.id}, 100, ${status}, ${acceptedOn})`);
    for (const c of compounds)
      await db.execute(sql`INSERT INTO urban_renovation_compound (tenant_id, project_id, compound_id) VALUES ('370785', ${id}, ${c})`);
  };
  await project('accepted', '2026-02-10', [tree.a.compound.id, tree.b.compound.id]);
  await project('accepted', '2026-06-30', [tree.a.compound.id]);
  await project('accepted', '2025-11-30', [tree.b.compound.id]);
  await project('in_progress', null, [tree.a.compound.id]);
  await project('planned', null, [tree.b.compound.id]);
});
afterAll(() => database.close());

const range = { from: '2026-01-01', to: '2026-07-01' };

describe('urbanCaseFigures', () => {
  it('sums the cases closed in [from, to) and counts the distinct renovated compounds of the county', async () => {
    const f = await urbanCaseFigures(database.db, { tenantId: '370785', paths: [world.tree.county.path] }, range);
    expect(f).toEqual({
      illegalStructuresRemoved: 3,
      illegalStructureAreaM2: 500, // 120.5 + 79.5 + 300
      rubbishTonnes: 2.3,
      parkingSpaces: 24,
      chargers: 6,
      clutterCases: 1,
      renovatedCompounds: 2,
      renovationProjectsByStatus: { planned: 1, in_progress: 1, accepted: 3 },
    });
  });

  it('narrows to the node and to the caller’s scope paths', async () => {
    const { tree } = world;
    const a = await urbanCaseFigures(
      database.db,
      { tenantId: '370785', paths: [tree.county.path] },
      { ...range, nodeId: tree.a.community.id },
    );
    expect(a).toMatchObject({ illegalStructuresRemoved: 2, illegalStructureAreaM2: 200, chargers: 0, renovatedCompounds: 1 });
    expect(a.renovationProjectsByStatus).toEqual({ planned: 0, in_progress: 1, accepted: 2 });
    const onlyB = await urbanCaseFigures(database.db, { tenantId: '370785', paths: [tree.b.community.path] }, range);
    expect(onlyB).toMatchObject({
      illegalStructuresRemoved: 1,
      illegalStructureAreaM2: 300,
      chargers: 6,
      rubbishTonnes: 0,
      renovatedCompounds: 1,
    });
    // A node outside the scope gives nothing; so does another county.
    const outside = await urbanCaseFigures(
      database.db,
      { tenantId: '370785', paths: [tree.b.community.path] },
      { ...range, nodeId: tree.a.community.id },
    );
    expect(outside).toMatchObject({ illegalStructuresRemoved: 0, renovatedCompounds: 0 });
    const other = await urbanCaseFigures(database.db, { tenantId: '532601', paths: [tree.other.county.path] }, range);
    expect(other).toMatchObject({
      illegalStructuresRemoved: 0,
      renovatedCompounds: 0,
      renovationProjectsByStatus: { planned: 0, in_progress: 0, accepted: 0 },
    });
  });
});
