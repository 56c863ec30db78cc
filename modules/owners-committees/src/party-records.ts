import { type SQL, sql } from 'drizzle-orm';

// Party membership is read from the party module's records (party_member, party_org: declared in
// the manifest's `reads`), never typed in here. SQL fragments, so that a list of committees counts
// its members' party share in one query instead of asking the party module once per person.

/** The resident `resident` (a column) of tenant `tenant` is a party member (full or probationary) in the party records. */
export function isPartyMember(tenant: SQL, resident: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM party_member pm WHERE pm.tenant_id = ${tenant} AND pm.resident_id = ${resident})`;
}

/** The resident is the secretary of a party branch (小区党支部) of the compound `compound`. */
export function isBranchSecretary(tenant: SQL, resident: SQL, compound: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM party_org po WHERE po.tenant_id = ${tenant} AND po.kind = 'compound_branch'
    AND po.node_id = ${compound} AND po.secretary_id = ${resident})`;
}
