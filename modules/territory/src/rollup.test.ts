import { newId } from '@linli/core';
import { type Database, rows } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countsOf } from './territory.repository.ts';
import { buildSmallTree, createNode, createTenant, rollupMismatches, type SmallTree } from './testing.ts';

// territory_rollup (migration 0022) is kept by triggers on territory_node, resident and
// party_member. After every kind of write it must equal a recount from the base tables.

let database: Database;
let tree: SmallTree;
let other: SmallTree;
const T = '370785';

beforeAll(async () => {
  database = await createTestDatabase();
  await createTenant(database.db, { tenantId: T, name: '高密市' });
  await createTenant(database.db, { tenantId: '532601', name: '文山市' });
  tree = await buildSmallTree(database.db, T);
  other = await buildSmallTree(database.db, '532601');
});
afterAll(() => database?.close());

const county = async () => (await countsOf(database.db, T, [tree.county.id], [tree.county.path])).get(tree.county.id);
const expectRight = async () => {
  expect(await rollupMismatches(database.db, T)).toEqual([]);
  expect(await rollupMismatches(database.db, '532601')).toEqual([]);
};

describe('territory rollup', () => {
  const org = newId();
  const residents = Array.from({ length: 40 }, () => newId());

  it('counts nodes and residents inserted many to a statement', async () => {
    const db = database.db;
    await expectRight();
    // 40 residents over the 64 households in one statement, every fourth one flagged a party member.
    await db.execute(
      sql`INSERT INTO resident (tenant_id, id, household_id, name, is_party_member) VALUES ${sql.join(
        residents.map((id, i) => sql`(${T}, ${id}::uuid, ${tree.households[(i * 7) % 64]!.id}::uuid, ${`居民${i}`}, ${i % 4 === 0})`),
        sql`, `,
      )}`,
    );
    // The other tenant's residents are counted there only.
    await db.execute(
      sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ('532601', ${newId()}, ${other.households[0]!.id}, '戊')`,
    );
    expect(await county()).toMatchObject({ households: 64, residents: 40, partyMembers: 10 });
    await expectRight();
  });

  it('follows party_member rows added, given to another resident and removed', async () => {
    const db = database.db;
    await db.execute(sql`INSERT INTO party_org (tenant_id, id, kind, name, node_id, path)
      VALUES (${T}, ${org}, 'subdistrict_committee', '党工委', ${tree.subdistricts[0]!.id}, ${org.replace(/-/g, '')}::ltree)`);
    // residents[0] is flagged already: a row for it adds nobody; rows for residents[1..3] add three.
    const members = [0, 1, 2, 3].map(() => newId());
    await db.execute(
      sql`INSERT INTO party_member (tenant_id, id, resident_id, party_org_id) VALUES ${sql.join(
        members.map((m, i) => sql`(${T}, ${m}::uuid, ${residents[i]}::uuid, ${org}::uuid)`),
        sql`, `,
      )}`,
    );
    expect(await county()).toMatchObject({ partyMembers: 13 });
    await expectRight();
    await db.execute(sql`UPDATE party_member SET resident_id = ${residents[5]} WHERE id = ${members[1]}`);
    await expectRight();
    await db.execute(sql`DELETE FROM party_member WHERE id = ${members[2]}`);
    expect(await county()).toMatchObject({ partyMembers: 12 });
    await expectRight();
  });

  it('follows residents moving out, back in, to another household, the party flag and deletion', async () => {
    const db = database.db;
    await db.execute(sql`UPDATE resident SET moved_out_at = now() WHERE id IN (${residents[1]}, ${residents[6]}, ${residents[8]})`);
    expect(await county()).toMatchObject({ residents: 37 });
    await expectRight();
    await db.execute(sql`UPDATE resident SET moved_out_at = NULL WHERE id = ${residents[6]}`);
    await expectRight();
    await db.execute(sql`UPDATE resident SET household_id = ${tree.households[63]!.id} WHERE id IN (${residents[3]}, ${residents[10]})`);
    await expectRight();
    await db.execute(sql`UPDATE resident SET is_party_member = NOT is_party_member WHERE id IN (${residents[12]}, ${residents[13]})`);
    await expectRight();
    // A change that is not counted (a phone number) leaves the rollup alone and right.
    await db.execute(sql`UPDATE resident SET phone_masked = '138****0000' WHERE tenant_id = ${T}`);
    await expectRight();
    await db.execute(sql`DELETE FROM resident WHERE id IN (${residents[20]}, ${residents[21]})`);
    await expectRight();
    expect(await county()).toMatchObject({ residents: 36 });
  });

  it('follows nodes added and deleted, and a rolled-back write leaves it untouched', async () => {
    const db = database.db;
    const building = await createNode(db, { tenantId: T, parentId: tree.compounds[2]!.id, kind: 'building', name: '9号楼' });
    const entrance = await createNode(db, { tenantId: T, parentId: building.id, kind: 'entrance', name: '1单元' });
    const household = await createNode(db, { tenantId: T, parentId: entrance.id, kind: 'household', name: '101' });
    expect(await county()).toMatchObject({ buildings: 17, entrances: 33, households: 65 });
    await expectRight();
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name) VALUES (${T}, ${newId()}, ${household.id}, '临时')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await expectRight();
    await db.execute(sql`DELETE FROM territory_node WHERE id IN (${household.id}, ${entrance.id})`);
    await db.execute(sql`DELETE FROM territory_node WHERE id = ${building.id}`);
    expect(await county()).toMatchObject({ buildings: 16, entrances: 32, households: 64 });
    await expectRight();
  });

  it('equals a rebuild from the base tables', async () => {
    const db = database.db;
    const stored = await rows(db, sql`SELECT * FROM territory_rollup WHERE tenant_id = ${T} ORDER BY node_id`);
    expect(stored.length).toBe(1 + 2 + 4 + 8 + 16 + 32 + 64);
    await db.execute(sql`SELECT territory_rollup_rebuild(${T})`);
    const rebuilt = await rows(db, sql`SELECT * FROM territory_rollup WHERE tenant_id = ${T} ORDER BY node_id`);
    expect(rebuilt).toEqual(stored);
    await expectRight();
  });
});
