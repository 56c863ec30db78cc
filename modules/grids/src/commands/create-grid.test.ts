import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor, insertNode } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateGridBody } from '../contract.ts';
import { createGrid } from './create-grid.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let ctx: ReturnType<typeof contextFor>;
let secondBuilding: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  secondBuilding = await insertNode(database.db, { parent: tree.a.compound, kind: 'building', name: '2号楼' });
  ctx = contextFor('370785', [{ role: 'community_staff', node: tree.a.community }]);
});
afterAll(() => database.close());

const create = (input: CreateGridBody, context = ctx) => database.db.transaction((tx) => createGrid(tx, context, input));
const failure = (p: Promise<unknown>): Promise<{ code: string; details: unknown }> =>
  p.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: AppError) => ({ code: e.code, details: e.details }),
  );

describe('createGrid', () => {
  it('creates a grid over buildings of its community and a micro-grid inside it', async () => {
    const g = await create({
      communityId: tree.a.community.id,
      name: '第一网格',
      level: 'grid',
      buildingIds: [tree.a.building.id, secondBuilding.id],
    });
    expect(g).toMatchObject({ level: 'grid', communityName: '凤凰社区', buildingCount: 2, memberCount: 0 });
    expect(g.buildings.map((b) => b.name).sort()).toEqual(['1号楼', '2号楼']);
    const micro = await create({
      communityId: tree.a.community.id,
      name: '第一网格-1',
      level: 'micro_grid',
      parentId: g.id,
      buildingIds: [secondBuilding.id],
    });
    expect(micro).toMatchObject({ level: 'micro_grid', parentId: g.id, buildingCount: 1 });
  });

  it('refuses a building of another community, naming the item', async () => {
    const result = await failure(
      create({ communityId: tree.a.community.id, name: '第二网格', level: 'grid', buildingIds: [tree.a.building.id, tree.b.building.id] }),
    );
    // Outside the caller's scope: exactly like an unknown building.
    expect(result).toEqual({ code: 'not_found', details: [{ field: 'buildingIds', reason: 'not found' }] });
    const unknown = await failure(
      create({ communityId: tree.a.community.id, name: '第二网格', level: 'grid', buildingIds: ['01900000-0000-7000-8000-00000000dead'] }),
    );
    expect(unknown).toEqual(result);
    // Inside the scope but another community's (a subdistrict's staff): the item is named.
    const wide = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
    const named = await failure(
      create(
        { communityId: tree.a.community.id, name: '第二网格', level: 'grid', buildingIds: [tree.a.building.id, tree.b.building.id] },
        wide,
      ),
    );
    expect(named).toEqual({
      code: 'invalid_input',
      details: [{ field: 'buildingIds.1', reason: 'is not a building of 凤凰社区', value: tree.b.building.id }],
    });
  });

  it('refuses a node that is not a building and a community that is not a community', async () => {
    expect(
      await failure(create({ communityId: tree.a.community.id, name: '第三网格', level: 'grid', buildingIds: [tree.a.entrance.id] })),
    ).toMatchObject({
      details: [{ field: 'buildingIds.0' }],
    });
    expect(await failure(create({ communityId: tree.a.compound.id, name: '第三网格', level: 'grid', buildingIds: [] }))).toMatchObject({
      details: [{ field: 'communityId' }],
    });
  });

  it('refuses a micro-grid without a parent grid, and a grid with one', async () => {
    expect(await failure(create({ communityId: tree.a.community.id, name: '微网格', level: 'micro_grid', buildingIds: [] }))).toMatchObject(
      {
        details: [{ field: 'parentId' }],
      },
    );
  });

  it('refuses buildings outside the parent grid for a micro-grid', async () => {
    const parent = await create({ communityId: tree.a.community.id, name: '第四网格', level: 'grid', buildingIds: [tree.a.building.id] });
    const result = await failure(
      create({
        communityId: tree.a.community.id,
        name: '第四网格-1',
        level: 'micro_grid',
        parentId: parent.id,
        buildingIds: [secondBuilding.id],
      }),
    );
    expect(result).toMatchObject({ details: [{ field: 'buildingIds.0', reason: 'is not covered by the parent grid' }] });
  });

  it('refuses a duplicate name in the community', async () => {
    expect(await failure(create({ communityId: tree.a.community.id, name: '第一网格', level: 'grid', buildingIds: [] }))).toMatchObject({
      details: [{ field: 'name' }],
    });
  });

  it('answers staff of a sibling community as if the community did not exist', async () => {
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    expect(
      await failure(create({ communityId: tree.a.community.id, name: '越权网格', level: 'grid', buildingIds: [] }, other)),
    ).toMatchObject({ code: 'not_found', details: [{ field: 'communityId', reason: 'not found' }] });
  });
});
