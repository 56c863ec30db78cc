import { CursorText, CursorTime, inScope, newId, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import type { UrbanCasesItem } from './contract.ts';

export interface UrbanCasesFilter {
  communityId?: string;
  q?: string;
  sort?: 'title' | '-title' | 'createdAt' | '-createdAt';
}

/** The cursor of a page sorted by title, and of one sorted by time (the default: newest first). */
export const UrbanCasesTitleCursor = Type.Tuple([CursorText, Uuid]);
export const UrbanCasesTimeCursor = Type.Tuple([CursorTime, Uuid]);
export const cursorFor = (sort: string | undefined) => (sort?.endsWith('title') ? UrbanCasesTitleCursor : UrbanCasesTimeCursor);

/** SQL of urban-cases items; an item is visible where its community is in the caller's scope. */
export class UrbanCasesItemRepository {
  /** A database handle for reads, the write's transaction (a Tx is a Db) for writes. */
  constructor(private readonly db: Db) {}

  private select(tenantId: string, scope: string[], conditions: SQL[]): SQL {
    return sql`SELECT i.id, i.community_id AS "communityId", c.name AS "communityName", i.title, i.note,
        to_char(i.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAt"
      FROM urban_cases_item i JOIN ${territorySql.nodes('c')} ON c.tenant_id = i.tenant_id AND c.id = i.community_id
      WHERE i.tenant_id = ${tenantId} AND ${inScope(sql`c.path`, scope)}
      ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: UrbanCasesFilter,
    page: { limit: number; after?: [string, string] },
  ): Promise<{ items: UrbanCasesItem[]; next: [string, string] | null }> {
    const c: SQL[] = [];
    if (filter.communityId) c.push(territorySql.underNode(sql`c.path`, tenantId, filter.communityId));
    if (filter.q) c.push(sql`i.title ILIKE ${`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
    const sort = filter.sort ?? '-createdAt';
    const byTitle = sort.endsWith('title');
    const desc = sort.startsWith('-');
    const key = byTitle ? sql`i.title` : sql`i.created_at`;
    if (page.after) {
      const value = byTitle ? sql`${page.after[0]}` : sql`${page.after[0]}::timestamptz`;
      c.push(desc ? sql`(${key}, i.id) < (${value}, ${page.after[1]}::uuid)` : sql`(${key}, i.id) > (${value}, ${page.after[1]}::uuid)`);
    }
    const order = desc ? sql`${key} DESC, i.id DESC` : sql`${key}, i.id`;
    const found = await rows<UrbanCasesItem>(this.db, sql`${this.select(tenantId, scope, c)} ORDER BY ${order} LIMIT ${page.limit + 1}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items, next: last ? [byTitle ? last.title : last.createdAt, last.id] : null };
  }

  findById(tenantId: string, id: string, scope: string[]): Promise<UrbanCasesItem | undefined> {
    return one<UrbanCasesItem>(this.db, this.select(tenantId, scope, [sql`i.id = ${id}`]));
  }

  async insert(tenantId: string, input: { communityId: string; title: string; note?: string; createdBy?: string }): Promise<string> {
    const id = newId();
    await this.db.execute(sql`INSERT INTO urban_cases_item (tenant_id, id, community_id, title, note, created_by)
      VALUES (${tenantId}, ${id}, ${input.communityId}, ${input.title}, ${input.note ?? null}, ${input.createdBy ?? null})`);
    return id;
  }
}
