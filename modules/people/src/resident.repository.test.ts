import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ResidentFilter, ResidentRepository, type ResidentVisibility } from './resident.repository.ts';
import { buildTwoCommunities, insertResident } from './testing.ts';

let database: Database;
let world: Awaited<ReturnType<typeof buildTwoCommunities>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  world = await buildTwoCommunities(db);
  const { a, b, other } = world;
  await insertResident(db, a.h101, { name: '张三', relation: 'head', isPartyMember: true, tags: ['独居'] });
  await insertResident(db, a.h101, { name: '李四' });
  await insertResident(db, a.h102, { name: '王五', phone: '13800001111' });
  const gone = await insertResident(db, a.h102, { name: '赵六' });
  await db.execute(sql`UPDATE resident SET moved_out_at = now() WHERE id = ${gone.id}`);
  await insertResident(db, b.h101, { name: '孙七', relation: 'head' });
  await insertResident(db, b.h101, { name: '周八' });
  await insertResident(db, other.household, { name: '吴九' });
});
afterAll(() => database?.close());

const all = (scope: string[]): ResidentVisibility => ({ roster: scope, sensitive: scope });

describe('ResidentRepository.count', () => {
  it('equals the rows the list returns, for every scope, node and filter', async () => {
    const repo = new ResidentRepository(database.db);
    const { county, subdistrict, a, b, other } = world;
    const scopes = [[county.path], [a.community.path], [a.compound.path, b.h101.path], [b.community.path, b.h101.path]];
    const nodes = [
      undefined,
      county.id,
      subdistrict.id,
      a.community.id,
      a.h102.id,
      b.h101.id,
      other.household.id,
      county.id.replace(/.$/, '0'),
    ];
    const filters: ResidentFilter[] = [{}, { q: '张' }, { tag: '独居' }, { isPartyMember: true }];
    const visibilities = (scope: string[]): ResidentVisibility[] => [all(scope), { roster: [], sensitive: [] }];
    for (const scope of scopes) {
      for (const nodeId of nodes) {
        for (const filter of filters) {
          for (const visible of visibilities(scope)) {
            const f = { ...filter, nodeId };
            const listed = await repo.list('370785', scope, visible, f, { limit: 100 });
            expect(await repo.count('370785', scope, visible, f), JSON.stringify({ scope, f, visible })).toBe(listed.items.length);
          }
        }
      }
    }
  });

  it('reads the subtree counts, not the resident rows, when nothing but a node narrows the list', async () => {
    const repo = new ResidentRepository(database.db);
    const spy = vi.spyOn(database.db, 'execute');
    const n = await repo.count('370785', [world.county.path], all([world.county.path]), { nodeId: world.subdistrict.id });
    const texts = spy.mock.calls.map(([q]) => JSON.stringify(q));
    spy.mockRestore();
    expect(n).toBe(5);
    expect(texts.some((t) => t.includes('territory_rollup'))).toBe(true);
    expect(texts.some((t) => /FROM resident/.test(t))).toBe(false);
  });
});

describe('ResidentRepository.list in creation order', () => {
  it('pages through every resident by id (UUIDv7: creation order) both ways, without gaps or repeats', async () => {
    const repo = new ResidentRepository(database.db);
    const scope = [world.county.path];
    for (const sort of ['createdAt', '-createdAt'] as const) {
      const seen: string[] = [];
      let after: [string | null, string] | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await repo.list('370785', scope, all(scope), { sort }, { limit: 2, after });
        seen.push(...page.items.map((r) => r.id));
        if (!page.next) break;
        after = page.next;
      }
      const expected = [...seen].sort();
      expect(seen).toEqual(sort === 'createdAt' ? expected : expected.reverse());
      expect(seen).toHaveLength(5);
    }
  });

  it('refuses a cursor whose key is not an id with a 400 naming the cursor', async () => {
    const repo = new ResidentRepository(database.db);
    const scope = [world.county.path];
    const err = await repo
      .list('370785', scope, all(scope), { sort: 'createdAt' }, { limit: 2, after: ['张三', world.county.id] })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'invalid_input' });
  });
});
