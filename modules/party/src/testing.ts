import { newId } from '@linli/core';
import { type Db, ltreeLabel } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { PartyOrgKind } from './schema.ts';

export interface TestOrg {
  id: string;
  tenantId: string;
  kind: PartyOrgKind;
  path: string;
}

/** Test factory: a party organisation row on a territory node (no validation — that is the command's job). */
export async function insertPartyOrg(
  db: Db,
  input: { node: { id: string; tenantId: string }; kind: PartyOrgKind; name: string; parent?: TestOrg },
): Promise<TestOrg> {
  const id = newId();
  const path = input.parent ? `${input.parent.path}.${ltreeLabel(id)}` : ltreeLabel(id);
  await db.execute(sql`INSERT INTO party_org (tenant_id, id, parent_id, kind, name, node_id, path)
    VALUES (${input.node.tenantId}, ${id}, ${input.parent?.id ?? null}, ${input.kind}, ${input.name}, ${input.node.id}, ${path}::ltree)`);
  return { id, tenantId: input.node.tenantId, kind: input.kind, path };
}

export async function insertPartyMember(db: Db, org: TestOrg, residentId: string, inService = false): Promise<{ id: string }> {
  const id = newId();
  await db.execute(sql`INSERT INTO party_member (tenant_id, id, resident_id, party_org_id, in_service)
    VALUES (${org.tenantId}, ${id}, ${residentId}, ${org.id}, ${inService})`);
  return { id };
}
