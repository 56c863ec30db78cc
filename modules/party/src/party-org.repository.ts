import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { PartyOrg, PartyOrgDetail } from './contract.ts';
import { type PartyOrgKind, partyOrg } from './schema.ts';

export interface OrgRef {
  id: string;
  kind: PartyOrgKind;
  path: string;
  nodeId: string;
  nodePath: string;
}

/**
 * Whether the party member whose own organisation is `memberOrg` and who is the resident
 * `resident` belongs to the organisation `org` (on the territory node `orgNode`): registered in
 * `org` or anywhere below it, or registered with the compound branch (or building group) above
 * `org` and living inside `org`'s territory node. Members are registered with their compound
 * branch, so a 楼栋党小组 counts the branch's members who live in its building (and a member
 * household those living in it), while the branch still counts each of them once. Members of a
 * community or subdistrict committee are not drawn down into the branches.
 */
export function memberBelongsTo(memberOrg: SQL, resident: SQL, org: SQL, orgNode: SQL): SQL {
  return sql`(${memberOrg}.path <@ ${org}.path OR (${memberOrg}.path @> ${org}.path
    AND ${memberOrg}.kind IN ('compound_branch', 'building_group') AND EXISTS (
    SELECT 1 FROM ${territorySql.nodes('mh')} WHERE mh.tenant_id = ${resident}.tenant_id AND mh.id = ${resident}.household_id
      AND mh.path <@ ${orgNode}.path)))`;
}

/**
 * SQL of the party organisation tree. An organisation is visible where its territory node is in
 * the caller's scope; member counts cover the organisation's whole subtree (ltree `<@`) and the
 * members of the organisations above it who live on its territory node (memberBelongsTo).
 */
export class PartyOrgRepository {
  constructor(private readonly db: Db) {}

  /** An organisation with its own and its node's path, regardless of scope (for validating a new child). */
  findRef(tenantId: string, id: string): Promise<OrgRef | undefined> {
    return one<OrgRef>(
      this.db,
      sql`SELECT o.id, o.kind, o.path::text AS path, o.node_id AS "nodeId", n.path::text AS "nodePath"
          FROM party_org o JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = o.node_id
          WHERE o.tenant_id = ${tenantId} AND o.id = ${id}`,
    );
  }

  private select(tenantId: string, scope: string[], condition: SQL): SQL {
    return sql`SELECT o.id, o.parent_id AS "parentId", o.kind, o.name, o.node_id AS "nodeId", n.name AS "nodeName",
        (SELECT count(*)::int FROM party_member m JOIN party_org d ON d.tenant_id = m.tenant_id AND d.id = m.party_org_id
          JOIN resident mr ON mr.tenant_id = m.tenant_id AND mr.id = m.resident_id
          WHERE m.tenant_id = o.tenant_id AND ${memberBelongsTo(sql.raw('d'), sql.raw('mr'), sql.raw('o'), sql.raw('n'))}) AS "memberCount",
        (SELECT count(*)::int FROM party_org c WHERE c.tenant_id = o.tenant_id AND c.parent_id = o.id) AS "childCount",
        s.name AS "secretaryName", to_char(o.established_on, 'YYYY-MM-DD') AS "establishedOn"
      FROM party_org o
      JOIN ${territorySql.nodes('n')} ON n.tenant_id = o.tenant_id AND n.id = o.node_id
      LEFT JOIN resident s ON s.tenant_id = o.tenant_id AND s.id = o.secretary_id
      WHERE o.tenant_id = ${tenantId} AND ${inScope(sql`n.path`, scope)} AND ${condition}`;
  }

  /**
   * Children of an organisation, the organisations attached to one territory node, or (neither
   * given) the topmost organisations in scope (whose parent lies outside it).
   */
  list(tenantId: string, scope: string[], filter: { parentId?: string; nodeId?: string } = {}): Promise<PartyOrg[]> {
    const { parentId, nodeId } = filter;
    const conditions: SQL[] = [];
    if (parentId) conditions.push(sql`o.parent_id = ${parentId}`);
    if (nodeId) conditions.push(sql`o.node_id = ${nodeId}`);
    const condition = conditions.length
      ? sql.join(conditions, sql` AND `)
      : sql`NOT EXISTS (SELECT 1 FROM party_org p JOIN ${territorySql.nodes('pn')} ON pn.tenant_id = p.tenant_id AND pn.id = p.node_id
                        WHERE p.tenant_id = o.tenant_id AND p.id = o.parent_id AND ${inScope(sql`pn.path`, scope)})`;
    return rows<PartyOrg>(
      this.db,
      sql`${this.select(tenantId, scope, condition)} ORDER BY ${territorySql.naturalPathKey(sql`n.tenant_id`, sql`n.path`)}, o.name LIMIT 2000`,
    );
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<PartyOrgDetail | undefined> {
    const org = await one<PartyOrg>(this.db, this.select(tenantId, scope, sql`o.id = ${id}`));
    if (!org) return undefined;
    const ancestors = await rows<PartyOrgDetail['ancestors'][number]>(
      this.db,
      sql`SELECT a.id, a.kind, a.name FROM party_org a, party_org o
          WHERE o.tenant_id = ${tenantId} AND o.id = ${id} AND a.tenant_id = o.tenant_id AND a.path @> o.path AND a.id <> o.id
          ORDER BY nlevel(a.path)`,
    );
    return { ...org, ancestors };
  }

  async existsFor(tenantId: string, kind: PartyOrgKind, nodeId: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 AS x FROM party_org WHERE tenant_id = ${tenantId} AND kind = ${kind} AND node_id = ${nodeId} LIMIT 1`,
    );
    return row !== undefined;
  }

  async residentExists(tenantId: string, residentId: string): Promise<boolean> {
    const row = await one(this.db, sql`SELECT 1 AS x FROM resident WHERE tenant_id = ${tenantId} AND id = ${residentId}`);
    return row !== undefined;
  }

  async insert(values: typeof partyOrg.$inferInsert): Promise<void> {
    await this.db.insert(partyOrg).values(values);
  }
}
