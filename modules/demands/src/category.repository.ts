import { type Db, one, rows } from '@linli/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Category, CategoryNode, DeadlineRuleInput } from './contract.ts';
import type { DeadlineRule } from './deadlines.ts';
import type { HandlingLevel } from './state-machine.ts';

export interface CategoryRef {
  id: string;
  name: string;
  path: string;
  defaultLevel: HandlingLevel;
  defaultDepartmentId: string | null;
  active: boolean;
  version: number;
}

/** A category's version (migration 0015): every write of the row adds one, so equal versions mean nobody saved it since. */
const VERSION = sql.raw('c.version');

/**
 * A scalar subquery: the deadline rule (as JSON with responseValue, responseUnit, resolveValue,
 * resolveUnit) a demand of `type` and `urgency` in the category `categoryId` gets. A rule for its own
 * type wins over the rules for any type ('any'), wherever it sits on the category path; among rules of
 * the same kind the nearest category wins. NULL when no category on the path has one.
 */
export function deadlineRuleSql(tenantId: string | SQL, categoryId: SQL, urgency: string | SQL, type: string | SQL): SQL {
  return sql`(SELECT json_build_object('responseValue', r.response_value, 'responseUnit', r.response_unit,
                                       'resolveValue', r.resolve_value, 'resolveUnit', r.resolve_unit)
                FROM demand_category c
                JOIN demand_category a ON a.tenant_id = c.tenant_id AND a.path @> c.path
                JOIN demand_deadline_rule r ON r.tenant_id = a.tenant_id AND r.category_id = a.id
                 AND r.urgency = ${urgency} AND r.demand_type IN (${type}, 'any')
               WHERE c.tenant_id = ${tenantId} AND c.id = ${categoryId}
               ORDER BY (r.demand_type <> 'any') DESC, nlevel(a.path) DESC LIMIT 1)`;
}

/** SQL of the category tree, its deadline rules and the county departments. */
export class CategoryRepository {
  constructor(private readonly db: Db) {}

  findCategory(tenantId: string, id: string): Promise<CategoryRef | undefined> {
    return one<CategoryRef>(
      this.db,
      sql`SELECT c.id, c.name, c.path::text AS path, c.default_level AS "defaultLevel", c.default_department_id AS "defaultDepartmentId",
            c.active, ${VERSION} AS version
          FROM demand_category c WHERE c.tenant_id = ${tenantId} AND c.id = ${id}::uuid`,
    );
  }

  /** The rule a demand of `type` and `urgency` in the category gets (see deadlineRuleSql). */
  async ruleFor(tenantId: string, categoryId: string, urgency: string, type: string): Promise<DeadlineRule | undefined> {
    const row = await one<{ rule: DeadlineRule | string | null }>(
      this.db,
      sql`SELECT ${deadlineRuleSql(tenantId, sql`${categoryId}::uuid`, urgency, type)} AS rule`,
    );
    if (!row?.rule) return undefined;
    return typeof row.rule === 'string' ? (JSON.parse(row.rule) as DeadlineRule) : row.rule;
  }

  /**
   * The whole tree in one query, each category with its own or inherited deadlines, `active` and its
   * version. Active categories only unless `includeInactive` (the settings page; intake, the classifier and
   * Open311 read active categories with their own SQL).
   */
  async tree(tenantId: string, options: { includeInactive?: boolean } = {}): Promise<CategoryNode[]> {
    const list = await rows<{
      id: string;
      parent_id: string | null;
      code: string;
      name: string;
      default_level: Category['defaultLevel'];
      default_department_id: string | null;
      active: boolean;
      is_public: boolean;
      version: number | string;
      deadlines: Category['deadlines'] | string;
    }>(
      this.db,
      sql`SELECT c.id, c.parent_id, c.code, c.name, c.default_level, c.default_department_id, c.active, c.is_public, ${VERSION} AS version,
            coalesce((SELECT jsonb_agg(jsonb_build_object('urgency', r.urgency,
                        'type', CASE WHEN r.demand_type = 'any' THEN NULL ELSE r.demand_type END, 'responseValue', r.response_value,
                        'responseUnit', r.response_unit, 'resolveValue', r.resolve_value, 'resolveUnit', r.resolve_unit,
                        'inherited', r.category_id <> c.id) ORDER BY r.urgency, r.demand_type <> 'any', r.demand_type)
                      FROM (SELECT DISTINCT ON (r.urgency, r.demand_type) r.* FROM demand_category a
                            JOIN demand_deadline_rule r ON r.tenant_id = a.tenant_id AND r.category_id = a.id
                            WHERE a.tenant_id = c.tenant_id AND a.path @> c.path
                            ORDER BY r.urgency, r.demand_type, nlevel(a.path) DESC) r), '[]'::jsonb) AS deadlines
          FROM demand_category c WHERE c.tenant_id = ${tenantId} ${options.includeInactive ? sql`` : sql`AND c.active`}
          ORDER BY nlevel(c.path), c.sort_order, c.name`,
    );
    const byId = new Map<string, CategoryNode>();
    const roots: CategoryNode[] = [];
    for (const r of list) {
      const node: CategoryNode = {
        id: r.id,
        parentId: r.parent_id,
        code: r.code,
        name: r.name,
        defaultLevel: r.default_level,
        defaultDepartmentId: r.default_department_id,
        active: r.active,
        isPublic: r.is_public,
        version: Number(r.version),
        deadlines: typeof r.deadlines === 'string' ? JSON.parse(r.deadlines) : r.deadlines,
        children: [],
      };
      byId.set(r.id, node);
      const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
      (parent ? parent.children : roots).push(node);
    }
    return roots;
  }

  /** One category as the tree shows it (own or inherited deadlines), active or not. */
  async findOne(tenantId: string, id: string): Promise<Category | undefined> {
    const walk = (nodes: CategoryNode[]): CategoryNode | undefined => {
      for (const n of nodes) {
        if (n.id === id) return n;
        const inner = walk(n.children);
        if (inner) return inner;
      }
      return undefined;
    };
    const found = walk(await this.tree(tenantId, { includeInactive: true }));
    if (!found) return undefined;
    const { children: _children, ...category } = found;
    return category;
  }

  async codeTaken(tenantId: string, code: string): Promise<boolean> {
    return (await one(this.db, sql`SELECT 1 FROM demand_category WHERE tenant_id = ${tenantId} AND code = ${code}`)) !== undefined;
  }

  async siblingNameTaken(tenantId: string, parentId: string | null, name: string, exceptId?: string): Promise<boolean> {
    const row = await one(
      this.db,
      sql`SELECT 1 FROM demand_category WHERE tenant_id = ${tenantId} AND parent_id IS NOT DISTINCT FROM ${parentId}::uuid
          AND name = ${name} AND id IS DISTINCT FROM ${exceptId ?? null}::uuid`,
    );
    return row !== undefined;
  }

  async insert(c: {
    tenantId: string;
    id: string;
    parentId: string | null;
    code: string;
    name: string;
    path: string;
    defaultLevel: string;
    defaultDepartmentId: string | null;
  }): Promise<void> {
    await this.db.execute(sql`INSERT INTO demand_category (tenant_id, id, parent_id, code, name, path, default_level, default_department_id,
        sort_order)
      VALUES (${c.tenantId}, ${c.id}::uuid, ${c.parentId}::uuid, ${c.code}, ${c.name}, ${c.path}::ltree, ${c.defaultLevel},
        ${c.defaultDepartmentId}::uuid,
        (SELECT coalesce(max(sort_order), 0) + 1 FROM demand_category WHERE tenant_id = ${c.tenantId} AND parent_id IS NOT DISTINCT FROM ${c.parentId}::uuid))`);
  }

  /**
   * Writes the changes and a new version, only if the category is still at `expectedVersion` (when
   * given). The row is written even without changes (a new deadline list is a change of the category
   * too), so its version moves. False when the category is gone or someone saved it since.
   */
  async update(
    tenantId: string,
    id: string,
    changes: { name?: string; defaultLevel?: string; defaultDepartmentId?: string | null; active?: boolean; isPublic?: boolean },
    expectedVersion?: number,
  ): Promise<boolean> {
    const set = [
      changes.name !== undefined ? sql`name = ${changes.name}` : undefined,
      changes.defaultLevel !== undefined ? sql`default_level = ${changes.defaultLevel}` : undefined,
      changes.defaultDepartmentId !== undefined ? sql`default_department_id = ${changes.defaultDepartmentId}::uuid` : undefined,
      changes.active !== undefined ? sql`active = ${changes.active}` : undefined,
      changes.isPublic !== undefined ? sql`is_public = ${changes.isPublic}` : undefined,
    ].filter((x) => x !== undefined);
    set.push(sql`version = c.version + 1`);
    const row = await one(
      this.db,
      sql`UPDATE demand_category c SET ${sql.join(set, sql`, `)} WHERE c.tenant_id = ${tenantId} AND c.id = ${id}::uuid
          ${expectedVersion === undefined ? sql`` : sql`AND ${VERSION} = ${expectedVersion}`} RETURNING c.id`,
    );
    return row !== undefined;
  }

  /** Replaces the category's own rules; an urgency (and type) without a rule of its own inherits the parent's. */
  async replaceRules(tenantId: string, categoryId: string, rules: DeadlineRuleInput[]): Promise<void> {
    await this.db.execute(sql`DELETE FROM demand_deadline_rule WHERE tenant_id = ${tenantId} AND category_id = ${categoryId}::uuid`);
    if (rules.length === 0) return;
    await this.db.execute(sql`INSERT INTO demand_deadline_rule (tenant_id, category_id, urgency, demand_type, response_value, response_unit, resolve_value, resolve_unit)
      VALUES ${sql.join(
        rules.map(
          (r) =>
            sql`(${tenantId}, ${categoryId}::uuid, ${r.urgency}, ${r.type ?? 'any'}, ${r.responseValue}, ${r.responseUnit}, ${r.resolveValue}, ${r.resolveUnit})`,
        ),
        sql`, `,
      )}`);
  }
}
