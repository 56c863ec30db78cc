import type { ReferenceKind } from '@linli/core';
import { territorySql } from '@linli/territory';
import { sql } from 'drizzle-orm';

/** A party organisation named by id in a request (requireReferences): in scope where its territory node is. */
export const partyOrgReference: ReferenceKind = {
  name: 'party_org',
  noun: 'Party organisation',
  from: sql`party_org x JOIN ${territorySql.nodes('n')} ON n.tenant_id = x.tenant_id AND n.id = x.node_id`,
  path: sql`n.path`,
};
