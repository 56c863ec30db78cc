import { type Db, one, rows } from '@linli/db';
import { iso } from '@linli/demands';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { Theme } from './contract.ts';

interface ThemeRow {
  id: string;
  month: string;
  node_id: string;
  node_name: string;
  node_path: string;
  category_id: string;
  category_name: string;
  title: string;
  note: string | null;
  evidence: Record<string, unknown> | string;
  status: Theme['status'];
  outcome: string | null;
  created_at: Date | string;
  created_by: string | null;
  closed_at: Date | string | null;
  version: number;
}

export type ThemeRecord = Theme & { nodePath: string };

function toTheme(r: ThemeRow): ThemeRecord {
  return {
    id: r.id,
    month: r.month,
    nodeId: r.node_id,
    nodeName: r.node_name,
    nodePath: r.node_path,
    categoryId: r.category_id,
    categoryName: r.category_name,
    title: r.title,
    note: r.note,
    evidence: typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence,
    status: r.status,
    outcome: r.outcome,
    createdAt: iso(r.created_at),
    createdBy: r.created_by,
    closedAt: iso(r.closed_at),
    version: r.version,
  };
}

/** Strips the repository-only fields for the API. */
export function publicTheme({ nodePath: _, ...theme }: ThemeRecord): Theme {
  return theme;
}

/** SQL of monthly themes (每月一题). Lists carry the caller's scope in their WHERE clause. */
export class ThemeRepository {
  constructor(private readonly db: Db) {}

  private select(tenantId: string, conditions: SQL[]): SQL {
    return sql`SELECT t.id, t.month, t.node_id, n.name AS node_name, t.node_path::text AS node_path, t.category_id,
          c.name AS category_name, t.title, t.note, t.evidence, t.status, t.outcome, t.created_at, a.username AS created_by,
          t.closed_at, t.version
        FROM demand_theme t
        JOIN ${territorySql.nodes('n')} ON n.tenant_id = t.tenant_id AND n.id = t.node_id
        JOIN demand_category c ON c.tenant_id = t.tenant_id AND c.id = t.category_id
        LEFT JOIN account a ON a.id = t.created_by
        WHERE t.tenant_id = ${tenantId} ${conditions.length > 0 ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}`;
  }

  async find(tenantId: string, id: string, visible: SQL): Promise<ThemeRecord | undefined> {
    const r = await one<ThemeRow>(this.db, this.select(tenantId, [sql`t.id = ${id}::uuid`, visible]));
    return r && toTheme(r);
  }

  async list(
    tenantId: string,
    visible: SQL,
    filter: { rootPath?: string; month?: string; status?: string },
    limit = 500,
  ): Promise<ThemeRecord[]> {
    const c = [visible];
    if (filter.rootPath) c.push(sql`t.node_path <@ ${filter.rootPath}::ltree`);
    if (filter.month) c.push(sql`t.month = ${filter.month}`);
    if (filter.status) c.push(sql`t.status = ${filter.status}`);
    const list = await rows<ThemeRow>(this.db, sql`${this.select(tenantId, c)} ORDER BY t.month DESC, t.created_at DESC LIMIT ${limit}`);
    return list.map(toTheme);
  }

  async exists(tenantId: string, nodeId: string, month: string, categoryId: string): Promise<boolean> {
    const r = await one<{ id: string }>(
      this.db,
      sql`SELECT id FROM demand_theme WHERE tenant_id = ${tenantId} AND node_id = ${nodeId}::uuid AND month = ${month}
            AND category_id = ${categoryId}::uuid`,
    );
    return r !== undefined;
  }

  async insert(t: {
    tenantId: string;
    id: string;
    month: string;
    nodeId: string;
    nodePath: string;
    categoryId: string;
    title: string;
    note: string | null;
    evidence: Record<string, unknown>;
    createdBy: string;
  }): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO demand_theme (tenant_id, id, month, node_id, node_path, category_id, title, note, evidence, created_by)
          VALUES (${t.tenantId}, ${t.id}::uuid, ${t.month}, ${t.nodeId}::uuid, ${t.nodePath}::ltree, ${t.categoryId}::uuid, ${t.title},
                  ${t.note}, ${JSON.stringify(t.evidence)}::jsonb, ${t.createdBy}::uuid)`,
    );
  }

  /** Closes an open theme if nobody changed it since it was read; undefined when someone did. */
  async close(tenantId: string, id: string, version: number, outcome: string, closedBy: string): Promise<{ version: number } | undefined> {
    return one<{ version: number }>(
      this.db,
      sql`UPDATE demand_theme SET status = 'closed', outcome = ${outcome}, closed_at = now(), closed_by = ${closedBy}::uuid,
            version = version + 1
          WHERE tenant_id = ${tenantId} AND id = ${id}::uuid AND version = ${version} AND status = 'open'
          RETURNING version`,
    );
  }
}
