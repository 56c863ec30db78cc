import type { RequestContext } from '@linli/core';
import type { Database } from '@linli/db';
import { insertGrid } from '@linli/grids/testing';
import { buildTwoCommunities, contextFor, insertNode } from '@linli/people/testing';
import { createVisitPlans } from './commands/create-visit-plans.ts';
import { recordVisit } from './commands/record-visit.ts';
import type { RecordVisitBody, Visit } from './visit-contract.ts';

// Test factory of home visits: the two communities of one county (and a county elsewhere) with grids
// over their buildings, the quarter's plans, and callers at each level.
//
//   凤凰社区  grid 一网格 over 1号楼 (101, 102); grid 二网格 over 2号楼 (201, 202, 203), with a micro-grid
//   康成社区  grid 康成网格 over 1号楼 (101, 102)

export const quarter = '2026-Q4';
/** A moment in the quarter (2026-11-16 12:00 China time). */
export const inQuarter = new Date('2026-11-16T04:00:00Z');

export type VisitWorld = Awaited<ReturnType<typeof buildVisitWorld>>;

export async function buildVisitWorld(database: Database) {
  const db = database.db;
  const tree = await buildTwoCommunities(db);
  const building2 = await insertNode(db, { parent: tree.a.compound, kind: 'building', name: '2号楼' });
  const entrance2 = await insertNode(db, { parent: building2, kind: 'entrance', name: '1单元' });
  const h201 = await insertNode(db, { parent: entrance2, kind: 'household', name: '201' });
  const h202 = await insertNode(db, { parent: entrance2, kind: 'household', name: '202' });
  const h203 = await insertNode(db, { parent: entrance2, kind: 'household', name: '203' });
  const grids = {
    a1: await insertGrid(db, { community: tree.a.community, name: '一网格', buildingIds: [tree.a.building.id] }),
    a2: await insertGrid(db, { community: tree.a.community, name: '二网格', buildingIds: [building2.id] }),
    b1: await insertGrid(db, { community: tree.b.community, name: '康成网格', buildingIds: [tree.b.building.id] }),
  };
  await insertGrid(db, { community: tree.a.community, name: '一网格微网格', buildingIds: [building2.id], parentId: grids.a2.id });
  const ctx = {
    grid: contextFor('370785', [{ role: 'grid_worker', node: tree.a.community }], 'grid.a'),
    a: contextFor('370785', [{ role: 'community_staff', node: tree.a.community }], 'staff.a'),
    b: contextFor('370785', [{ role: 'community_staff', node: tree.b.community }], 'staff.b'),
    county: contextFor('370785', [{ role: 'county_staff', node: tree.county }], 'staff.county'),
    other: contextFor('532601', [{ role: 'county_staff', node: tree.other.county }], 'staff.other'),
  };
  const households = { a1: [tree.a.h101, tree.a.h102], a2: [h201, h202, h203], b1: [tree.b.h101, tree.b.h102] };
  const makePlans = (who: RequestContext = ctx.county) => db.transaction((tx) => createVisitPlans(tx, who, { quarter }));
  const planOf = async (gridId: string): Promise<string> => {
    const found = await database.query<{ id: string }>('SELECT id FROM deliberation_visit_plan WHERE grid_id = $1 AND quarter = $2', [
      gridId,
      quarter,
    ]);
    if (!found[0]) throw new Error('no plan');
    return found[0].id;
  };
  const visit = (
    planId: string,
    input: Partial<RecordVisitBody> & { householdId: string },
    who: RequestContext = ctx.grid,
    now = inQuarter,
  ): Promise<Visit> => db.transaction((tx) => recordVisit(tx, who, planId, { visitedOn: '2026-11-10', outcome: 'visited', ...input }, now));
  return { tree, grids, households, ctx, makePlans, planOf, visit };
}
