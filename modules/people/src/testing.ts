import {
  type Actor,
  loadConfig,
  type ModuleDeps,
  type ModuleManifest,
  newId,
  PersonalDataCipher,
  type RequestContext,
  type Role,
} from '@linli/core';
import { type Database, type Db, ltreeLabel, one } from '@linli/db';
import { sql } from 'drizzle-orm';

/**
 * Test factories of the people module (also used by party, grids and organisations tests):
 * territory rows with plain SQL, request contexts with grants, residents with protected data.
 */
export const testCipher = new PersonalDataCipher(Buffer.alloc(32, 7));

export interface TestNode {
  id: string;
  tenantId: string;
  kind: string;
  name: string;
  path: string;
}

export async function insertTenant(db: Db, tenantId = '370785', name = '高密市'): Promise<TestNode> {
  await db.execute(sql`INSERT INTO tenant (tenant_id, name) VALUES (${tenantId}, ${name}) ON CONFLICT DO NOTHING`);
  return insertNode(db, { tenantId, kind: 'county', name });
}

export async function insertNode(
  db: Db,
  input: { tenantId?: string; parent?: TestNode; kind: string; name: string; code?: string },
): Promise<TestNode> {
  const tenantId = input.parent?.tenantId ?? input.tenantId;
  if (!tenantId) throw new Error('insertNode needs a parent or a tenantId');
  const id = newId();
  const path = input.parent ? `${input.parent.path}.${ltreeLabel(id)}` : ltreeLabel(id);
  await db.execute(sql`INSERT INTO territory_node (tenant_id, id, parent_id, kind, name, code, path, depth)
    VALUES (${tenantId}, ${id}, ${input.parent?.id ?? null}, ${input.kind}, ${input.name}, ${input.code ?? null}, ${path}::ltree,
            nlevel(${path}::ltree) - 1)`);
  return { id, tenantId, kind: input.kind, name: input.name, path };
}

/** A request context for an actor holding `role` on each of the nodes (no account row needed). */
export function contextFor(tenantId: string, grants: { role: Role; node: TestNode }[], username = 'tester'): RequestContext {
  const actor: Actor = {
    accountId: newId(),
    username,
    displayName: username,
    tenantId,
    grants: grants.map((g) => ({ id: newId(), role: g.role, nodeId: g.node.id, path: g.node.path, nodeName: g.node.name })),
  };
  return { actor, clientIp: '127.0.0.1' };
}

export async function insertResident(
  db: Db,
  household: TestNode,
  input: {
    name: string;
    phone?: string;
    idNumber?: string;
    tags?: string[];
    isPartyMember?: boolean;
    relation?: string;
    birthDate?: string;
    note?: string;
  },
  cipher = testCipher,
): Promise<{ id: string }> {
  const id = newId();
  const phone = cipher.protect(input.phone, 'phone');
  const idNumber = cipher.protect(input.idNumber, 'id_number');
  await db.execute(sql`INSERT INTO resident (tenant_id, id, household_id, name, phone_enc, phone_hash, phone_masked,
      id_number_enc, id_number_hash, id_number_masked, tags, is_party_member, relation, birth_date, note)
    VALUES (${household.tenantId}, ${id}, ${household.id}, ${input.name}, ${phone.enc}, ${phone.hash}, ${phone.masked},
      ${idNumber.enc}, ${idNumber.hash}, ${idNumber.masked}, ARRAY[${sql.join(
        (input.tags ?? []).map((t) => sql`${t}`),
        sql`, `,
      )}]::text[], ${input.isPartyMember ?? false}, ${input.relation ?? null}, ${input.birthDate ?? null}::date, ${input.note ?? null})`);
  return { id };
}

export async function auditCount(db: Db, where: { tenantId: string; action: string; targetId?: string; result?: string }): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${where.tenantId} AND action = ${where.action}
        ${where.targetId ? sql`AND target_id = ${where.targetId}` : sql``} ${where.result ? sql`AND result = ${where.result}` : sql``}`,
  );
  return row?.n ?? 0;
}

/**
 * Two sibling communities under one subdistrict, each with a compound, a building, an entrance and
 * two households, and a second tenant with one household:
 *
 *   高密市 › 朝阳街道 › 凤凰社区 › 凤凰小区 › 1号楼 › 1单元 › 101, 102
 *                    › 康成社区 › 康成小区 › 1号楼 › 1单元 › 101, 102
 *   文山市 › 开化街道 › 南桥社区 › 南桥小区 › 1号楼 › 1单元 › 101
 */
export async function buildTwoCommunities(db: Db) {
  const county = await insertTenant(db, '370785', '高密市');
  const subdistrict = await insertNode(db, { parent: county, kind: 'subdistrict', name: '朝阳街道' });
  const branch = async (communityName: string, compoundName: string) => {
    const community = await insertNode(db, { parent: subdistrict, kind: 'community', name: communityName });
    const compound = await insertNode(db, { parent: community, kind: 'compound', name: compoundName });
    const building = await insertNode(db, { parent: compound, kind: 'building', name: '1号楼' });
    const entrance = await insertNode(db, { parent: building, kind: 'entrance', name: '1单元' });
    const h101 = await insertNode(db, { parent: entrance, kind: 'household', name: '101' });
    const h102 = await insertNode(db, { parent: entrance, kind: 'household', name: '102' });
    return { community, compound, building, entrance, h101, h102 };
  };
  const a = await branch('凤凰社区', '凤凰小区');
  const b = await branch('康成社区', '康成小区');
  const other = await insertTenant(db, '532601', '文山市');
  const otherSubdistrict = await insertNode(db, { parent: other, kind: 'subdistrict', name: '开化街道' });
  const otherCommunity = await insertNode(db, { parent: otherSubdistrict, kind: 'community', name: '南桥社区' });
  const otherCompound = await insertNode(db, { parent: otherCommunity, kind: 'compound', name: '南桥小区' });
  const otherBuilding = await insertNode(db, { parent: otherCompound, kind: 'building', name: '1号楼' });
  const otherEntrance = await insertNode(db, { parent: otherBuilding, kind: 'entrance', name: '1单元' });
  const otherHousehold = await insertNode(db, { parent: otherEntrance, kind: 'household', name: '101' });
  return { county, subdistrict, a, b, other: { county: other, community: otherCommunity, household: otherHousehold } };
}

/** A valid GB 11643 number from its first 17 digits (appends the check digit). */
export function validIdNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/**
 * The HTTP app with only the given module manifests (plus accounts for sign-in), so a module's
 * routes are tested before or without the server's module list.
 */
export async function buildModuleApp(database: Database, modules: ModuleManifest[]) {
  const { buildApp } = await import('@linli/server');
  const { accountsModule } = await import('@linli/accounts');
  const deps: ModuleDeps = {
    database,
    db: database.db,
    cipher: testCipher,
    config: { ...loadConfig({}), rateLimit: { apiPerMinute: 100_000, loginPerMinute: 100_000 } },
  };
  const app = await buildApp({ deps, modules: [accountsModule, ...modules] });
  await app.ready();
  return app;
}
