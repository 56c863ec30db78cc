import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { testCipher } from '@linli/people/testing';
import { buildSmallTree, createTenant } from '@linli/territory/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResolutionsDemo } from './demo.ts';
import { resolutionFigures } from './figures.ts';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('seedResolutionsDemo', () => {
  it('gives every compound a committee of six, resolutions with tasks, months of evaluations by non-owners, a notice and figures', async () => {
    await createTenant(database.db, { tenantId: '370785', name: '高密市' });
    const tree = await buildSmallTree(database.db, '370785');
    await seedResolutionsDemo({ database, cipher: testCipher, tenantId: '370785', shared: {}, progress: () => {} });
    const [counts] = await database.query<{
      committees: number;
      members: number;
      resolutions: number;
      tasks: number;
      evaluated: number;
      notices: number;
    }>(
      `SELECT (SELECT count(*)::int FROM supervision_committee) AS committees, (SELECT count(*)::int FROM supervision_member) AS members,
              (SELECT count(*)::int FROM resolution) AS resolutions, (SELECT count(*)::int FROM resolution_task) AS tasks,
              (SELECT count(*)::int FROM resolution_evaluation WHERE evaluated_at IS NOT NULL) AS evaluated,
              (SELECT count(*)::int FROM resolution_publication) AS notices`,
    );
    expect(counts).toMatchObject({ committees: tree.compounds.length, members: tree.compounds.length * 6, notices: tree.compounds.length });
    expect(counts!.resolutions).toBeGreaterThanOrEqual(tree.compounds.length * 2);
    expect(counts!.tasks).toBeGreaterThan(counts!.resolutions);
    expect(counts!.evaluated).toBeGreaterThan(0);
    const [owners] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM resolution_evaluation e JOIN resolution_task t ON t.tenant_id = e.tenant_id AND t.resolution_id = e.resolution_id
        WHERE t.owner_member_id = e.member_id`,
    );
    expect(owners?.n).toBe(0);
    const [rolled] = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM resolution r WHERE r.progress <> (SELECT floor(avg(progress))::int FROM resolution_task t
        WHERE t.tenant_id = r.tenant_id AND t.resolution_id = r.id)`,
    );
    expect(rolled?.n).toBe(0);
    const figures = await resolutionFigures(
      database.db,
      { tenantId: '370785', paths: [tree.county.path] },
      { from: '2000-01-01', to: '2100-01-01' },
    );
    expect(figures.resolutions).toBe(counts!.resolutions);
    expect(figures.satisfactionRate).toBeGreaterThan(90);
  });
});
