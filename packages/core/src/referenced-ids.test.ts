import type { Database } from '@linli/db';
import { createTestDatabase } from '@linli/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from './app-error.ts';
import { newId } from './ids.ts';
import type { Actor } from './permissions.ts';
import { missingReferences, type ReferenceKind, requireReferences } from './referenced-ids.ts';

// Kinds as the owning modules define them (territory's places and households, people's residents).
const place: ReferenceKind = { name: 'place', noun: 'Place', from: sql`territory_node x`, path: sql`x.path` };
const household: ReferenceKind = { ...place, name: 'household', noun: 'Household', where: sql`x.kind = 'household'` };
const resident: ReferenceKind = {
  name: 'resident',
  noun: 'Resident',
  from: sql`resident x JOIN territory_node n ON n.tenant_id = x.tenant_id AND n.id = x.household_id`,
  path: sql`n.path`,
};

// Two communities of one county and a second county, each with a household and a resident; the
// caller works in community A.
let database: Database;
const ids = {
  county: newId(),
  a: newId(),
  b: newId(),
  householdA: newId(),
  householdB: newId(),
  residentA: newId(),
  residentB: newId(),
  otherCounty: newId(),
  otherResident: newId(),
  otherHousehold: newId(),
  account: newId(),
};
const label = (id: string) => id.replaceAll('-', '');
const path = {
  county: label(ids.county),
  a: `${label(ids.county)}.${label(ids.a)}`,
  b: `${label(ids.county)}.${label(ids.b)}`,
};
const actor: Actor = {
  accountId: ids.account,
  username: 'tester',
  displayName: 'tester',
  tenantId: '370785',
  grants: [{ id: newId(), role: 'community_staff', nodeId: ids.a, path: path.a }],
};

beforeAll(async () => {
  database = await createTestDatabase();
  const node = (tenant: string, id: string, parent: string | null, kind: string, p: string, depth: number) =>
    database.query(
      `INSERT INTO territory_node (tenant_id, id, parent_id, kind, name, path, depth) VALUES ($1, $2, $3, $4, $5, $6::ltree, $7)`,
      [tenant, id, parent, kind, `${kind}-${id.slice(-4)}`, p, depth],
    );
  const resident = (tenant: string, id: string, household: string) =>
    database.query(`INSERT INTO resident (tenant_id, id, household_id, name) VALUES ($1, $2, $3, '居民')`, [tenant, id, household]);
  await database.exec("INSERT INTO tenant (tenant_id, name) VALUES ('370785', '高密市'), ('532601', '文山市')");
  await node('370785', ids.county, null, 'county', path.county, 0);
  await node('370785', ids.a, ids.county, 'community', path.a, 2);
  await node('370785', ids.b, ids.county, 'community', path.b, 2);
  await node('370785', ids.householdA, ids.a, 'household', `${path.a}.${label(ids.householdA)}`, 6);
  await node('370785', ids.householdB, ids.b, 'household', `${path.b}.${label(ids.householdB)}`, 6);
  await resident('370785', ids.residentA, ids.householdA);
  await resident('370785', ids.residentB, ids.householdB);
  await node('532601', ids.otherCounty, null, 'county', label(ids.otherCounty), 0);
  await node('532601', ids.otherHousehold, ids.otherCounty, 'household', `${label(ids.otherCounty)}.${label(ids.otherHousehold)}`, 6);
  await resident('532601', ids.otherResident, ids.otherHousehold);
});
afterAll(async () => {
  await database?.close();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'passed',
    (e: AppError) => ({ code: e.code, message: e.message, details: e.details }),
  );

describe('requireReferences', () => {
  it('lets records inside the scope through, and ignores absent fields', async () => {
    await expect(
      requireReferences(
        database.db,
        actor,
        [path.a],
        { residentId: ids.residentA, nodeIds: [ids.householdA, ids.a] },
        {
          residentId: resident,
          nodeIds: place,
          secretaryId: resident,
        },
      ),
    ).resolves.toBeUndefined();
  });

  it('answers another community’s and another county’s records exactly like unknown ids', async () => {
    const check = (residentId: string) =>
      failure(requireReferences(database.db, actor, [path.a], { residentId }, { residentId: resident }));
    const unknown = await check(newId());
    expect(unknown).toEqual({ code: 'not_found', message: 'Resident not found', details: [{ field: 'residentId', reason: 'not found' }] });
    expect(await check(ids.residentB)).toEqual(unknown);
    expect(await check(ids.otherResident)).toEqual(unknown);
    expect(await check('not-a-uuid')).toEqual(unknown);
  });

  it('names every field with an id out of reach, one item of an array enough', async () => {
    const missing = await missingReferences(
      database.db,
      actor,
      [path.a],
      { householdId: ids.householdB, residentId: ids.residentA, buildingIds: [ids.householdA, ids.householdB] },
      { householdId: household, residentId: resident, buildingIds: place },
    );
    expect(missing).toEqual([
      { field: 'householdId', reason: 'not found' },
      { field: 'buildingIds', reason: 'not found' },
    ]);
    // A community is not a household, whatever its scope.
    expect(await missingReferences(database.db, actor, [path.a], { h: ids.a }, { h: household })).toEqual([
      { field: 'h', reason: 'not found' },
    ]);
  });

  it('lets a place above the scope through only when the rule allows it', async () => {
    expect(await missingReferences(database.db, actor, [path.a], { nodeId: ids.county }, { nodeId: place })).toHaveLength(1);
    expect(
      await missingReferences(database.db, actor, [path.a], { nodeId: ids.county }, { nodeId: { kind: place, orAboveScope: true } }),
    ).toEqual([]);
    const containing = `${path.a}.${label(ids.householdA)}`;
    expect(
      await missingReferences(database.db, actor, [path.a], { nodeId: ids.county }, { nodeId: { kind: place, orAncestorOf: containing } }),
    ).toEqual([]);
    // Another community contains nothing of the caller's: still out of reach.
    expect(
      await missingReferences(database.db, actor, [path.a], { nodeId: ids.b }, { nodeId: { kind: place, orAboveScope: true } }),
    ).toHaveLength(1);
  });

  it('finds nothing with an empty scope', async () => {
    expect(await missingReferences(database.db, actor, [], { residentId: ids.residentA }, { residentId: resident })).toHaveLength(1);
  });
});
