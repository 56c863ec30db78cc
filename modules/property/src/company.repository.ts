import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { CompanyKind, CrossPosting, CrossPostingBody, PropertyCompany } from './contract.ts';

export interface CompanyFilter {
  nodeId?: string;
  kind?: CompanyKind;
  q?: string;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt';
}

export const CompanyNameCursor = Type.Tuple([CursorText, Uuid]);
export const CompanyTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const companyCursorFor = (sort: string | undefined) => (sort?.endsWith('name') ? CompanyNameCursor : CompanyTimeCursor);

export interface CompanyFields {
  communityId: string;
  name: string;
  kind: CompanyKind;
  creditCode: string | null;
  servicePhone: string | null;
  partyOrgId: string | null;
  instructorName: string | null;
}

/**
 * SQL of the property company registry (物业服务企业) and its cross-postings; a company is visible
 * where its community is in the caller's scope. The party branch's name is read through the party
 * module's table (declared in the manifest's reads).
 */
export class CompanyRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT p.id, p.community_id AS "communityId", c.name AS "communityName", p.name, p.kind,
        p.credit_code AS "creditCode", p.service_phone AS "servicePhone", p.party_org_id AS "partyOrgId",
        (SELECT o.name FROM party_org o WHERE o.tenant_id = p.tenant_id AND o.id = p.party_org_id) AS "partyOrgName",
        p.instructor_name AS "instructorName",
        (SELECT count(*)::int FROM property_profile pf WHERE pf.tenant_id = p.tenant_id AND pf.company_id = p.id) AS compounds,
        to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
      FROM property_company p JOIN ${territorySql.nodes('c')} ON c.tenant_id = p.tenant_id AND c.id = p.community_id
      WHERE p.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  /** Companies under the node (in scope, not self-managed) naming their party organisation. */
  async partyFigures(tenantId: string, scope: string[], nodeId?: string): Promise<{ companiesWithPartyOrg: number }> {
    const row = await one<{ withOrg: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE p.party_org_id IS NOT NULL AND p.kind <> 'self_managed')::int AS "withOrg"
        FROM property_company p JOIN ${territorySql.nodes('c')} ON c.tenant_id = p.tenant_id AND c.id = p.community_id
        WHERE p.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
        ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, tenantId, nodeId)}` : sql``}`,
    );
    return { companiesWithPartyOrg: Number(row?.withOrg ?? 0) };
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: CompanyFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: PropertyCompany[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`c.path`, tenantId, filter.nodeId));
    if (filter.kind) c.push(sql`p.kind = ${filter.kind}`);
    if (filter.q) c.push(sql`p.name ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? 'name';
    const byName = sort.endsWith('name');
    const desc = sort.startsWith('-');
    const key = byName ? sql`p.name` : sql`p.created_at`;
    if (page.after) {
      const value = byName ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, p.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, p.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, p.id DESC` : sql`${key}, p.id`;
    const found = await rows<PropertyCompany>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byName ? last.name : last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<PropertyCompany | undefined> {
    return one<PropertyCompany>(this.db, this.select(tenantId, scope, [sql`p.id = ${id}::uuid`]));
  }

  /** The company's kind, when it is in scope. */
  /** What a resident of a compound the company serves sees of it: name, kind and service number (no scope: the caller found it through the resident's own compound). */
  card(tenantId: string, id: string) {
    return one<{ name: string; kind: CompanyKind; servicePhone: string | null }>(
      this.db,
      sql`SELECT name, kind, service_phone AS "servicePhone" FROM property_company WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
  }

  async kindOf(tenantId: string, id: string, scope: string[]): Promise<CompanyKind | undefined> {
    return (await this.findById(tenantId, id, scope))?.kind;
  }

  /** Whether another company of the tenant holds the credit code. */
  async creditCodeTaken(tenantId: string, code: string, exceptId?: string): Promise<boolean> {
    const row = await one<{ id: string }>(
      this.db,
      sql`SELECT id FROM property_company WHERE tenant_id = ${tenantId} AND credit_code = ${code}
          ${exceptId ? sql`AND id <> ${exceptId}::uuid` : sql``} LIMIT 1`,
    );
    return row !== undefined;
  }

  async insert(tenantId: string, input: CompanyFields & { createdBy?: string; id?: string }): Promise<string> {
    const id = input.id ?? newId();
    await this.db.execute(sql`INSERT INTO property_company
        (tenant_id, id, community_id, name, kind, credit_code, service_phone, party_org_id, instructor_name, created_by)
      VALUES (${tenantId}, ${id}, ${input.communityId}, ${input.name}, ${input.kind}, ${input.creditCode}, ${input.servicePhone},
        ${input.partyOrgId}, ${input.instructorName}, ${input.createdBy ?? null})`);
    return id;
  }

  async update(tenantId: string, id: string, input: CompanyFields): Promise<void> {
    await this.db.execute(sql`UPDATE property_company SET community_id = ${input.communityId}, name = ${input.name}, kind = ${input.kind},
        credit_code = ${input.creditCode}, service_phone = ${input.servicePhone}, party_org_id = ${input.partyOrgId},
        instructor_name = ${input.instructorName}, updated_at = now()
      WHERE tenant_id = ${tenantId} AND id = ${id}::uuid`);
  }

  crossPostings(tenantId: string, companyId: string): Promise<CrossPosting[]> {
    return rows<CrossPosting>(
      this.db,
      sql`SELECT id, person_name AS "personName", company_post AS "companyPost", party_post AS "partyPost", to_char(since, 'YYYY-MM-DD') AS since
          FROM property_cross_posting WHERE tenant_id = ${tenantId} AND company_id = ${companyId}::uuid ORDER BY since, person_name, id`,
    );
  }

  async addCrossPosting(tenantId: string, companyId: string, input: CrossPostingBody): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO property_cross_posting (tenant_id, id, company_id, person_name, company_post, party_post, since)
      VALUES (${tenantId}, ${id}, ${companyId}, ${input.personName}, ${input.companyPost}, ${input.partyPost}, ${input.since}::date)`);
    return id;
  }

  async removeCrossPosting(tenantId: string, companyId: string, id: string): Promise<boolean> {
    const found = await rows<{ id: string }>(
      this.db,
      sql`DELETE FROM property_cross_posting WHERE tenant_id = ${tenantId} AND company_id = ${companyId}::uuid AND id = ${id}::uuid RETURNING id`,
    );
    return found.length > 0;
  }
}
