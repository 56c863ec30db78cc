import type { DemoSeedContext } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { insertNode, insertTenant } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUrbanCasesDemo } from './demo.ts';
import { urbanCaseFigures } from './figures.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const lastYear = () => {
  const today = new Date(Date.now() + 8 * 3_600_000);
  const to = new Date(today.getTime() + 86_400_000).toISOString().slice(0, 10);
  const from = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
};

const context = (tenantId: string, profile: unknown, anchor?: string): DemoSeedContext => ({
  database,
  cipher: undefined as unknown as DemoSeedContext['cipher'],
  tenantId,
  shared: { profile, plan: anchor ? { anchors: { community: { id: anchor } } } : undefined },
  progress: () => {},
});

describe('the urban-cases demo seeder', () => {
  it('gives 文山市’s published figures exactly over 583 compounds in the last 12 months, fast', async () => {
    const county = await insertTenant(database.db, '532601', '文山市');
    for (let s = 0; s < 3; s++) {
      const street = await insertNode(database.db, { parent: county, kind: 'subdistrict', name: `街道${s}` });
      for (let m = 0; m < (s === 2 ? 10 : 11); m++) {
        const community = await insertNode(database.db, { parent: street, kind: 'community', name: `社区${s}-${m}` });
        const n = s === 0 && m === 0 ? 25 : 18;
        for (let c = 0; c < n; c++) await insertNode(database.db, { parent: community, kind: 'compound', name: `小区${s}-${m}-${c}` });
      }
    }
    const [count] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM territory_node WHERE tenant_id = '532601' AND kind = 'compound'",
    );
    expect(count?.n).toBe(583);
    const property = {
      renovatedCompounds: 54,
      cases: { illegalStructures: 855, illegalStructureAreaM2: 90_000, rubbishTonnes: 1516.2, parkingSpaces: 6597, chargers: 630 },
    };
    const started = Date.now();
    await seedUrbanCasesDemo(context('532601', { property }));
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);
    const f = await urbanCaseFigures(database.db, { tenantId: '532601', paths: [county.path] }, lastYear());
    expect(f).toMatchObject({
      illegalStructuresRemoved: 855,
      illegalStructureAreaM2: 90_000,
      rubbishTonnes: 1516.2,
      parkingSpaces: 6597,
      chargers: 630,
      renovatedCompounds: 54,
    });
    expect(f.renovationProjectsByStatus.in_progress).toBeGreaterThan(0);
    const [events] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM urban_case_event WHERE tenant_id = '532601'");
    expect(events?.n).toBeGreaterThan(3 * 855);
  }, 120_000);

  it('seeds worked examples in the demo community of a county without targets, some still open', async () => {
    const county = await insertTenant(database.db, '370785', '高密市');
    const street = await insertNode(database.db, { parent: county, kind: 'subdistrict', name: '朝阳街道' });
    const other = await insertNode(database.db, { parent: street, kind: 'community', name: '凤凰社区' });
    const home = await insertNode(database.db, { parent: street, kind: 'community', name: '康成社区' });
    await insertNode(database.db, { parent: other, kind: 'compound', name: '凤凰小区' });
    for (const name of ['康成小区', '康成东区']) await insertNode(database.db, { parent: home, kind: 'compound', name });
    await seedUrbanCasesDemo(context('370785', { property: { compoundsByStatus: { well: 1, poor: 1, unmanaged: 0, self: 0 } } }, home.id));
    const f = await urbanCaseFigures(database.db, { tenantId: '370785', paths: [home.path] }, lastYear());
    expect(f).toMatchObject({
      illegalStructuresRemoved: 1,
      rubbishTonnes: 2.4,
      parkingSpaces: 12,
      chargers: 6,
      clutterCases: 1,
      renovatedCompounds: 1,
    });
    expect(f.renovationProjectsByStatus).toEqual({ planned: 1, in_progress: 1, accepted: 1 });
    const elsewhere = await urbanCaseFigures(database.db, { tenantId: '370785', paths: [other.path] }, lastYear());
    expect(elsewhere.illegalStructuresRemoved).toBe(0);
    const [open] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM urban_case WHERE tenant_id = '370785' AND status <> 'closed'",
    );
    expect(open?.n).toBe(4);
  });
});
