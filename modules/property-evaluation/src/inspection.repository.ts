import { CursorDate, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { Inspection, InspectionDetail, InspectionListQuery } from './contract.ts';

export const InspectionCursor = Type.Tuple([Type.Union([CursorDate, Type.Number()]), Uuid]);
type Sort = NonNullable<InspectionListQuery['sort']>;
type CursorValue = [string | number, string];

const sortColumn: Record<'inspectedOn' | 'passRate', SQL> = {
  inspectedOn: sql`i.inspected_on`,
  passRate: sql`(i.passed::float8 / i.items)`,
};

/** The cursor of an inspection row for a sort. */
export function inspectionCursorFor(sort: Sort | undefined, row: Inspection): CursorValue {
  return (sort ?? '-inspectedOn').endsWith('passRate') ? [row.passRate, row.id] : [row.inspectedOn, row.id];
}

/**
 * SQL of staff inspections (物业服务检查) with their results and photos (one aggregate). An inspection is
 * visible where its compound is in the caller's scope.
 */
export class InspectionRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT i.id, i.compound_id AS "compoundId", k.name AS "compoundName", c.name AS "communityName",
        i.company_id AS "companyId", i.company_name AS "companyName", i.inspected_on::text AS "inspectedOn",
        i.inspector_name AS "inspectorName", i.note, i.items, i.passed, round(i.passed::numeric / i.items, 4)::float8 AS "passRate",
        (SELECT count(*)::int FROM property_inspection_photo p WHERE p.tenant_id = i.tenant_id AND p.inspection_id = i.id) AS photos,
        to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
      FROM property_inspection i
      JOIN ${territorySql.nodes('k')} ON k.tenant_id = i.tenant_id AND k.id = i.compound_id
      JOIN ${territorySql.nodes('c')} ON c.tenant_id = k.tenant_id AND c.id = k.parent_id
      WHERE i.tenant_id = ${tenantId} AND ${inScope(sql`k.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: Omit<InspectionListQuery, 'limit' | 'cursor'>,
    page: { limit: number; after?: CursorValue },
  ): Promise<{ items: Inspection[]; next: CursorValue | null }> {
    const c: SQL[] = [];
    if (filter.nodeId) c.push(territorySql.underNode(sql`k.path`, tenantId, filter.nodeId));
    if (filter.companyId) c.push(sql`i.company_id = ${filter.companyId}::uuid`);
    if (filter.from) c.push(sql`i.inspected_on >= ${filter.from}::date`);
    if (filter.to) c.push(sql`i.inspected_on <= ${filter.to}::date`);
    const sort = filter.sort ?? '-inspectedOn';
    const desc = sort.startsWith('-');
    const column = sortColumn[sort.replace('-', '') as 'inspectedOn' | 'passRate'];
    if (page.after) {
      const [v, id] = page.after;
      const value = typeof v === 'number' ? sql`${v}::float8` : sql`${v}::date`;
      c.push(desc ? sql`(${column}, i.id) < (${value}, ${id}::uuid)` : sql`(${column}, i.id) > (${value}, ${id}::uuid)`);
    }
    const order = desc ? sql`${column} DESC, i.id DESC` : sql`${column}, i.id`;
    const found = await rows<Inspection>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? inspectionCursorFor(filter.sort, last) : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<Inspection | undefined> {
    return one<Inspection>(this.db, this.select(tenantId, scope, [sql`i.id = ${id}::uuid`]));
  }

  async detail(tenantId: string, id: string, scope: string[]): Promise<InspectionDetail | undefined> {
    const found = await this.findById(tenantId, id, scope);
    if (!found) return undefined;
    const results = await rows<InspectionDetail['results'][number]>(
      this.db,
      sql`SELECT r.item_id AS "itemId", t.label, r.passed, r.note FROM property_inspection_result r
          JOIN property_inspection_item t ON t.tenant_id = r.tenant_id AND t.id = r.item_id
          WHERE r.tenant_id = ${tenantId} AND r.inspection_id = ${id}::uuid ORDER BY t.position, t.label`,
    );
    const photoList = await rows<InspectionDetail['photoList'][number]>(
      this.db,
      sql`SELECT id, file_name AS "fileName", content_type AS "contentType", size, sha256,
            to_char(uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "uploadedAt"
          FROM property_inspection_photo WHERE tenant_id = ${tenantId} AND inspection_id = ${id}::uuid ORDER BY uploaded_at, id`,
    );
    return { ...found, results, photoList };
  }

  async insert(
    tenantId: string,
    input: {
      compoundId: string;
      company: { id: string; name: string } | undefined;
      inspectedOn: string;
      inspectorId: string;
      inspectorName: string;
      note: string | null;
      results: { itemId: string; passed: boolean; note: string | null }[];
    },
  ): Promise<string> {
    const id = newId();
    const passed = input.results.filter((r) => r.passed).length;
    await this.db.execute(sql`INSERT INTO property_inspection (tenant_id, id, compound_id, company_id, company_name, inspected_on,
        inspector_id, inspector_name, note, items, passed)
      VALUES (${tenantId}, ${id}, ${input.compoundId}::uuid, ${input.company?.id ?? null}::uuid, ${input.company?.name ?? null},
        ${input.inspectedOn}::date, ${input.inspectorId}::uuid, ${input.inspectorName}, ${input.note}, ${input.results.length}, ${passed})`);
    await this.db.execute(
      sql`INSERT INTO property_inspection_result (tenant_id, inspection_id, item_id, passed, note) VALUES ${sql.join(
        input.results.map((r) => sql`(${tenantId}, ${id}::uuid, ${r.itemId}::uuid, ${r.passed}, ${r.note})`),
        sql`, `,
      )}`,
    );
    return id;
  }

  async photoCount(tenantId: string, inspectionId: string): Promise<number> {
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM property_inspection_photo WHERE tenant_id = ${tenantId} AND inspection_id = ${inspectionId}::uuid`,
    );
    return Number(row?.n ?? 0);
  }

  async insertPhoto(
    tenantId: string,
    p: {
      id: string;
      inspectionId: string;
      fileName: string;
      contentType: string;
      size: number;
      sha256: string;
      storageKey: string;
      uploadedBy: string;
    },
  ): Promise<void> {
    await this.db.execute(sql`INSERT INTO property_inspection_photo (tenant_id, id, inspection_id, file_name, content_type, size, sha256, storage_key, uploaded_by)
      VALUES (${tenantId}, ${p.id}::uuid, ${p.inspectionId}::uuid, ${p.fileName}, ${p.contentType}, ${p.size}, ${p.sha256}, ${p.storageKey}, ${p.uploadedBy}::uuid)`);
  }

  photo(tenantId: string, inspectionId: string, photoId: string): Promise<{ storageKey: string; contentType: string } | undefined> {
    return one(
      this.db,
      sql`SELECT storage_key AS "storageKey", content_type AS "contentType" FROM property_inspection_photo
          WHERE tenant_id = ${tenantId} AND inspection_id = ${inspectionId}::uuid AND id = ${photoId}::uuid`,
    );
  }

  /** Checklist items checked and passed per compound under a place path, inspected in [from, to] (China days). */
  passCounts(
    tenantId: string,
    placePath: string,
    from: string,
    to: string,
  ): Promise<{ compoundId: string; items: number; passed: number }[]> {
    return rows(
      this.db,
      sql`SELECT i.compound_id::text AS "compoundId", sum(i.items)::int AS items, sum(i.passed)::int AS passed
          FROM property_inspection i JOIN ${territorySql.nodes('k')} ON k.tenant_id = i.tenant_id AND k.id = i.compound_id
          WHERE i.tenant_id = ${tenantId} AND k.path <@ ${placePath}::ltree
            AND i.inspected_on BETWEEN ${from}::date AND ${to}::date
          GROUP BY i.compound_id`,
    );
  }
}
