import { newId } from '@linli/core';
import type { Db } from '@linli/db';
import { sql } from 'drizzle-orm';
import type { OrganisationKind } from './schema.ts';

/** Test factory: an organisation row (no phone), optionally serving compounds. */
export async function insertOrganisation(
  db: Db,
  input: { node: { id: string; tenantId: string }; kind: OrganisationKind; name: string; servedCompoundIds?: string[] },
): Promise<{ id: string }> {
  const id = newId();
  const tenantId = input.node.tenantId;
  await db.execute(
    sql`INSERT INTO organisation (tenant_id, id, kind, name, node_id) VALUES (${tenantId}, ${id}, ${input.kind}, ${input.name}, ${input.node.id})`,
  );
  for (const compoundId of input.servedCompoundIds ?? []) {
    await db.execute(
      sql`INSERT INTO property_service (tenant_id, compound_id, organisation_id) VALUES (${tenantId}, ${compoundId}, ${id})`,
    );
  }
  return { id };
}
