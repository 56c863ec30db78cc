import type { AppError } from '@linli/core';
import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { buildTwoCommunities, contextFor } from '@linli/people/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateOrgBody } from '../contract.ts';
import { insertPartyOrg, type TestOrg } from '../testing.ts';
import { createPartyOrg } from './create-party-org.ts';

let database: Database;
let tree: Awaited<ReturnType<typeof buildTwoCommunities>>;
let committee: TestOrg;
let communityA: TestOrg;
let ctx: ReturnType<typeof contextFor>;

beforeAll(async () => {
  database = await createTestDatabase();
  tree = await buildTwoCommunities(database.db);
  committee = await insertPartyOrg(database.db, { node: tree.subdistrict, kind: 'subdistrict_committee', name: '朝阳街道党工委' });
  communityA = await insertPartyOrg(database.db, {
    node: tree.a.community,
    kind: 'community_committee',
    name: '凤凰社区党委',
    parent: committee,
  });
  ctx = contextFor('370785', [{ role: 'subdistrict_staff', node: tree.subdistrict }]);
});
afterAll(() => database.close());

const create = (input: CreateOrgBody, context = ctx) => database.db.transaction((tx) => createPartyOrg(tx, context, input));
const failure = (p: Promise<unknown>): Promise<{ code: string; details: unknown }> =>
  p.then(
    () => {
      throw new Error('expected the command to fail');
    },
    (e: AppError) => ({ code: e.code, details: e.details }),
  );

describe('createPartyOrg', () => {
  it('founds a compound branch under its community committee, with a nested path', async () => {
    const org = await create({ parentId: communityA.id, kind: 'compound_branch', name: '凤凰小区党支部', nodeId: tree.a.compound.id });
    expect(org).toMatchObject({ kind: 'compound_branch', parentId: communityA.id, nodeName: '凤凰小区', memberCount: 0, childCount: 0 });
    expect(org.ancestors.map((a) => a.kind)).toEqual(['subdistrict_committee', 'community_committee']);
    const [row] = await database.query<{ path: string }>('SELECT path::text FROM party_org WHERE id = $1', [org.id]);
    expect(row?.path.startsWith(`${communityA.path}.`)).toBe(true);
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE action = 'party.org.create' AND target_id = $1",
      [org.id],
    );
    expect(audit?.n).toBe(1);
  });

  it('refuses a node of the wrong kind', async () => {
    expect(await failure(create({ parentId: communityA.id, kind: 'compound_branch', name: '错误', nodeId: tree.a.building.id }))).toEqual({
      code: 'invalid_input',
      details: [{ field: 'nodeId', reason: 'a compound_branch sits on a compound' }],
    });
  });

  it('refuses a parent of the wrong level', async () => {
    const result = await failure(
      create({ parentId: communityA.id, kind: 'building_group', name: '1号楼党小组', nodeId: tree.a.building.id }),
    );
    expect(result).toMatchObject({ code: 'invalid_input', details: [{ field: 'parentId' }] });
  });

  it("refuses a node outside the parent organisation's territory", async () => {
    const result = await failure(
      create({ parentId: communityA.id, kind: 'compound_branch', name: '康成小区党支部', nodeId: tree.b.compound.id }),
    );
    expect(result).toEqual({
      code: 'invalid_input',
      details: [{ field: 'nodeId', reason: "must lie inside the parent organisation's territory" }],
    });
  });

  it('refuses a parent for a subdistrict committee and a missing parent below it', async () => {
    expect(
      await failure(create({ parentId: committee.id, kind: 'subdistrict_committee', name: 'x', nodeId: tree.subdistrict.id })),
    ).toMatchObject({
      details: [{ field: 'parentId' }],
    });
    expect(await failure(create({ kind: 'community_committee', name: '康成社区党委', nodeId: tree.b.community.id }))).toMatchObject({
      details: [{ field: 'parentId' }],
    });
  });

  it('answers a place outside the caller’s party.write scope like an unknown one', async () => {
    const other = contextFor('370785', [{ role: 'community_staff', node: tree.b.community }]);
    const result = await failure(
      create({ parentId: committee.id, kind: 'community_committee', name: '凤凰社区第二党委', nodeId: tree.a.community.id }, other),
    );
    expect(result).toMatchObject({
      code: 'not_found',
      details: [
        { field: 'parentId', reason: 'not found' },
        { field: 'nodeId', reason: 'not found' },
      ],
    });
  });

  it('refuses a second organisation of the same kind on one node', async () => {
    const result = await failure(
      create({ parentId: committee.id, kind: 'community_committee', name: '凤凰社区党委（二）', nodeId: tree.a.community.id }),
    );
    expect(result).toMatchObject({ code: 'conflict' });
  });
});
