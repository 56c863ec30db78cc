import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertGrid } from '@linli/grids/testing';
import { buildTwoCommunities, insertNode } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VisitRepository } from './visit.repository.ts';
import { seedVisitDemo } from './visits-demo.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
const now = new Date('2026-12-03T02:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  // A building of 100 households in the anchor community, in its own grid.
  const building = await insertNode(database.db, { parent: tree.a.compound, kind: 'building', name: '9号楼' });
  const entrance = await insertNode(database.db, { parent: building, kind: 'entrance', name: '1单元' });
  for (let i = 1; i <= 100; i++) await insertNode(database.db, { parent: entrance, kind: 'household', name: String(100 + i) });
  await insertGrid(database.db, { community: tree.a.community, name: '九号楼网格', buildingIds: [building.id] });
  await insertGrid(database.db, { community: tree.b.community, name: '康成网格', buildingIds: [tree.b.building.id] });
  await seedVisitDemo(
    {
      database,
      cipher: undefined as never,
      tenantId: '370785',
      shared: { plan: { anchors: { community: tree.a.community } } },
      progress: () => undefined,
    },
    now,
  );
});
afterAll(() => database.close());

describe('seedVisitDemo', () => {
  it("gives the anchor community's grids this quarter's plans with 70 % of households visited, every attempt kept", async () => {
    const coverage = await new VisitRepository(database.db).coverage('370785', [tree.county.path], '2026-Q4');
    expect(coverage.items.map((r) => [r.gridName, r.households, r.visited, r.notHome, r.refused, r.coverage])).toEqual([
      ['九号楼网格', 100, 70, 12, 3, 70],
    ]);
    expect(coverage.items[0]!.raised).toBeGreaterThan(0);
    expect(coverage.gridsWithoutPlan).toBe(1);
    const [check] = await database.query<{ attempts: number; kept: number; outside: number }>(
      `SELECT (SELECT sum(attempts)::int FROM deliberation_visit) AS attempts, (SELECT count(*)::int FROM deliberation_visit_attempt) AS kept,
         (SELECT count(*)::int FROM deliberation_visit WHERE visited_on NOT BETWEEN '2026-10-01' AND '2026-12-03') AS outside`,
    );
    expect(check?.attempts).toBe(check?.kept);
    expect(check?.attempts).toBeGreaterThan(85);
    expect(check?.outside).toBe(0);
  });
});
