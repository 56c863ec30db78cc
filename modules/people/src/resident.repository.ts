import { AppError, CursorText, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { territory, territorySql } from '@linli/territory';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { Resident, ResidentSort } from './contract.ts';
import { resident } from './schema.ts';

export interface ResidentFilter {
  nodeId?: string;
  /** Part of a name; phoneHash / idNumberHash are the keyed hashes of the same text for exact look-up. */
  q?: string;
  phoneHash?: string | null;
  idNumberHash?: string | null;
  tag?: string;
  isPartyMember?: boolean;
  sort?: ResidentSort;
}

/**
 * What of the scope the caller sees (docs/privacy-matrix.md), as ltree scopes: `roster` (people.roster)
 * shows every member of a household — elsewhere in the read scope only the household's contact
 * person; `sensitive` (people.sensitive) shows gender, birth date, masked ID number, tags, party
 * membership and the note — elsewhere these are neither selected nor filtered or sorted on.
 */
export interface ResidentVisibility {
  roster: string[];
  sensitive: string[];
}

/** True when every path of `scope` lies inside one of `outer` (the check then needs no SQL). */
function covers(outer: string[], scope: string[]): boolean {
  return scope.every((p) => outer.some((q) => p === q || p.startsWith(`${q}.`)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Relations that make a resident the household's contact person (the import stores the identifier, older data the label). */
const HEAD_RELATIONS = ['head', '户主', '本人'];

/** Cursor of the resident list: the sort key and id of the last row returned. */
export const ResidentCursor = Type.Tuple([Type.Union([CursorText, Type.Null()]), Uuid]);
export type ResidentCursor = Static<typeof ResidentCursor>;

export interface StoredSecrets {
  id: string;
  allowed: boolean;
  phoneEnc: string | null;
  idNumberEnc: string | null;
}

export type ResidentInsert = typeof resident.$inferInsert;
export type ResidentChanges = Partial<Omit<ResidentInsert, 'tenantId' | 'id' | 'createdAt'>>;

interface ResidentRow {
  id: string;
  household_id: string;
  household_path: string[];
  name: string;
  sensitive: boolean;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  relation: string | null;
  phone_masked: string | null;
  id_number_masked: string | null;
  tags: string[];
  is_party_member: boolean;
  note: string | null;
  sort_key: string | null;
}

const sortKeys = (sensitive: SQL): Record<string, SQL> => ({
  name: sql`r.name`,
  // Ids are UUIDv7: their order is the creation order, and the primary key walks it (r.id::text
  // had no index: 0.8 s for a county's newest residents).
  createdAt: sql`r.id`,
  // Outside people.sensitive every birth date sorts as empty, so neither the order nor the cursor tells it.
  birthDate: sql`CASE WHEN ${sensitive} THEN coalesce(to_char(r.birth_date, 'YYYY-MM-DD'), '') ELSE '' END`,
});

/** The JSON of a resident: the sensitive fields only where the caller holds people.sensitive. */
function toResident(row: ResidentRow): Resident {
  const basic = {
    id: row.id,
    householdId: row.household_id,
    householdPath: row.household_path ?? [],
    name: row.name,
    relation: row.relation,
    phone: row.phone_masked,
  };
  if (!row.sensitive) return basic;
  return {
    ...basic,
    gender: row.gender,
    birthDate: row.birth_date,
    idNumber: row.id_number_masked,
    tags: row.tags ?? [],
    isPartyMember: row.is_party_member,
    note: row.note,
  };
}

/**
 * All SQL about residents. Every read joins the household's territory node and limits it to the
 * caller's scope (ltree paths) inside the query, and to the rows and fields of its
 * `ResidentVisibility`; only masked personal data is ever selected here, except in `secretsFor`,
 * which the reveal command alone uses.
 */
export class ResidentRepository {
  constructor(private readonly db: Db) {}

  /** SQL of "the caller sees this row's sensitive fields" (TRUE when people.sensitive covers the scope). */
  private sensitiveSql(scope: string[], visible: ResidentVisibility): SQL {
    return covers(visible.sensitive, scope) ? sql`true` : inScope(sql`h.path`, visible.sensitive);
  }

  /**
   * Rows of the read scope the caller sees: every resident inside people.roster, elsewhere only the
   * household's contact person (the head of the household, else the first member with a phone).
   */
  private rowConditions(tenantId: string, scope: string[], visible: ResidentVisibility): SQL {
    const base = sql`r.tenant_id = ${tenantId} AND ${inScope(sql`h.path`, scope)}`;
    if (covers(visible.roster, scope)) return base;
    // The contacts of every household in scope in one pass (DISTINCT ON), not one look-up per row.
    const head = sql.join(
      HEAD_RELATIONS.map((x) => sql`${x}`),
      sql`, `,
    );
    return sql`${base} AND (${inScope(sql`h.path`, visible.roster)} OR r.id IN (
        SELECT DISTINCT ON (c.household_id) c.id FROM resident c
          JOIN ${territorySql.nodes('ch')} ON ch.tenant_id = c.tenant_id AND ch.id = c.household_id
        WHERE c.tenant_id = ${tenantId} AND ${inScope(sql`ch.path`, scope)} AND c.moved_out_at IS NULL
        ORDER BY c.household_id, coalesce(c.relation IN (${head}), false) DESC, (c.phone_masked IS NOT NULL) DESC, c.id))`;
  }

  private select(tenantId: string, scope: string[], visible: ResidentVisibility, conditions: SQL[], sortKey?: SQL, tail: SQL = sql``): SQL {
    const sensitive = this.sensitiveSql(scope, visible);
    const shown = (column: SQL) => sql`CASE WHEN ${sensitive} THEN ${column} END`;
    // The inner query filters, sorts and limits; the household path (names of the ancestors) is
    // computed only for the rows of the page, not for every resident in scope. Sensitive columns
    // are not selected at all (NULL) on rows outside people.sensitive.
    // The ancestors' ids are the labels of the household's path (the county is the first): primary-key
    // look-ups, not a search of the path index per row.
    return sql`SELECT p.*, ARRAY(SELECT (SELECT a.name FROM ${territorySql.nodes('a')}
                WHERE a.tenant_id = p.tenant_id AND a.id = ltree2text(subpath(p.h_path, k, 1))::uuid)
              FROM generate_series(1, nlevel(p.h_path) - 1) AS k ORDER BY k) AS household_path
      FROM (SELECT r.tenant_id, r.id, r.household_id, r.name, r.relation, r.phone_masked, ${sensitive} AS sensitive,
              ${shown(sql`r.gender`)} AS gender, ${shown(sql`to_char(r.birth_date, 'YYYY-MM-DD')`)} AS birth_date,
              ${shown(sql`r.id_number_masked`)} AS id_number_masked, ${shown(sql`r.tags`)} AS tags,
              ${shown(sql`r.is_party_member`)} AS is_party_member, ${shown(sql`r.note`)} AS note,
              ${sortKey ?? sql`r.name`} AS sort_key, h.path AS h_path
            FROM resident r
            JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
            WHERE ${this.rowConditions(tenantId, scope, visible)} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}
            ${tail}) p`;
  }

  /**
   * One resident in `scope`. `visible` defaults to everything in the scope: the write commands pass
   * their people.write scope, and every role holding people.write holds people.roster and people.sensitive.
   */
  async findById(
    tenantId: string,
    id: string,
    scope: string[],
    visible: ResidentVisibility = { roster: scope, sensitive: scope },
  ): Promise<Resident | undefined> {
    const row = await one<ResidentRow>(this.db, this.select(tenantId, scope, visible, [sql`r.id = ${id}`]));
    return row && toResident(row);
  }

  /**
   * The path of the node a list is limited to, read first: given to the planner as a constant, the
   * share of residents under it is estimated from the statistics, so a county walks the name index
   * and stops after a page while a building reads its few households (a subquery made both guess).
   */
  private async nodePath(tenantId: string, filter: ResidentFilter): Promise<string | null | undefined> {
    if (!filter.nodeId) return undefined;
    return (await territory.pathOf(this.db, tenantId, filter.nodeId)) ?? null;
  }

  private filterConditions(
    scope: string[],
    visible: ResidentVisibility,
    filter: ResidentFilter,
    nodePath: string | null | undefined,
  ): SQL[] {
    const sensitive = this.sensitiveSql(scope, visible);
    const c: SQL[] = [sql`r.moved_out_at IS NULL`];
    if (nodePath === null) c.push(sql`false`);
    else if (nodePath !== undefined) c.push(sql`h.path <@ ${nodePath}::ltree`);
    if (filter.q) {
      const alternatives = [sql`r.name ILIKE ${`%${escapeLike(filter.q)}%`}`];
      if (filter.phoneHash) alternatives.push(sql`r.phone_hash = ${filter.phoneHash}`);
      // An ID number finds its resident only where the caller may see ID numbers.
      if (filter.idNumberHash) alternatives.push(sql`(${sensitive} AND r.id_number_hash = ${filter.idNumberHash})`);
      c.push(sql`(${sql.join(alternatives, sql` OR `)})`);
    }
    // Filtering on a sensitive field would tell it: it applies only to rows where the field is shown.
    if (filter.tag) c.push(sql`${sensitive} AND r.tags @> ARRAY[${filter.tag}]::text[]`);
    if (filter.isPartyMember !== undefined) c.push(sql`${sensitive} AND r.is_party_member = ${filter.isPartyMember}`);
    return c;
  }

  async list(
    tenantId: string,
    scope: string[],
    visible: ResidentVisibility,
    filter: ResidentFilter,
    page: { limit: number; after?: ResidentCursor },
  ): Promise<{ items: Resident[]; next: ResidentCursor | null }> {
    const sort = filter.sort ?? 'name';
    const desc = sort.startsWith('-');
    const keys = sortKeys(this.sensitiveSql(scope, visible));
    const key = keys[desc ? sort.slice(1) : sort] ?? keys.name!;
    const conditions = this.filterConditions(scope, visible, filter, await this.nodePath(tenantId, filter));
    if (page.after) {
      const [value, id] = page.after;
      if (key === keys.createdAt && !UUID.test(value ?? '')) {
        throw AppError.invalid([{ field: 'cursor', reason: 'does not belong to this list and sort' }]);
      }
      conditions.push(desc ? sql`(${key}, r.id) < (${value ?? ''}, ${id}::uuid)` : sql`(${key}, r.id) > (${value ?? ''}, ${id}::uuid)`);
    }
    const inner = desc
      ? sql`ORDER BY sort_key DESC, r.id DESC LIMIT ${page.limit + 1}`
      : sql`ORDER BY sort_key, r.id LIMIT ${page.limit + 1}`;
    const outer = desc ? sql`ORDER BY p.sort_key DESC, p.id DESC` : sql`ORDER BY p.sort_key, p.id`;
    const found = await rows<ResidentRow>(this.db, sql`${this.select(tenantId, scope, visible, conditions, key, inner)} ${outer}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items: items.map(toResident), next: last ? [last.sort_key, last.id] : null };
  }

  /**
   * How many residents the list holds. Without a name, tag or party filter, where the caller sees
   * every member of a household, that is a sum of territory_rollup rows (migration 0022): of the node
   * asked for when it lies inside the scope, else of the scope's roots inside it — one or a few rows
   * instead of counting every resident of a county.
   */
  async count(tenantId: string, scope: string[], visible: ResidentVisibility, filter: ResidentFilter): Promise<number> {
    const nodePath = await this.nodePath(tenantId, filter);
    if (nodePath === null) return 0;
    const plain = !filter.q && !filter.tag && filter.isPartyMember === undefined;
    if (plain && covers(visible.roster, scope)) {
      const within = (p: string, q: string) => p === q || p.startsWith(`${q}.`);
      const roots = [...new Set(scope.filter((p) => !scope.some((q) => q !== p && within(p, q))))];
      let paths = roots;
      if (nodePath !== undefined) {
        paths = roots.some((p) => within(nodePath, p)) ? [nodePath] : roots.filter((p) => within(p, nodePath));
      }
      if (paths.length === 0) return 0;
      const row = await one<{ n: number }>(
        this.db,
        sql`SELECT coalesce(sum(c.residents), 0)::int AS n FROM ${territorySql.nodes('t')}
            JOIN territory_rollup c ON c.tenant_id = t.tenant_id AND c.node_id = t.id
            WHERE t.tenant_id = ${tenantId} AND t.path IN (${sql.join(
              paths.map((p) => sql`${p}::ltree`),
              sql`, `,
            )})`,
      );
      return row?.n ?? 0;
    }
    const conditions = this.filterConditions(scope, visible, filter, nodePath);
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM resident r JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE ${this.rowConditions(tenantId, scope, visible)} AND ${sql.join(conditions, sql` AND `)}`,
    );
    return row?.n ?? 0;
  }

  /**
   * The stored ciphertexts of one resident, selected only when the household lies in `scope`
   * (the people.pii scope): a caller outside it gets `allowed: false` and no ciphertext at all.
   */
  async secretsFor(tenantId: string, id: string, scope: string[]): Promise<StoredSecrets | undefined> {
    const allowed = inScope(sql`h.path`, scope);
    return one<StoredSecrets>(
      this.db,
      sql`SELECT r.id, ${allowed} AS allowed,
            CASE WHEN ${allowed} THEN r.phone_enc END AS "phoneEnc",
            CASE WHEN ${allowed} THEN r.id_number_enc END AS "idNumberEnc"
          FROM resident r JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id}`,
    );
  }

  /** Household id and path of a resident, when it lies in `scope`. */
  locate(tenantId: string, id: string, scope: string[]): Promise<{ id: string; householdId: string; path: string } | undefined> {
    return one(
      this.db,
      sql`SELECT r.id, r.household_id AS "householdId", h.path::text AS path
          FROM resident r JOIN ${territorySql.nodes('h')} ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id} AND ${inScope(sql`h.path`, scope)}`,
    );
  }

  /** Another resident of the tenant with this ID number (keyed hash), for a clear 409. */
  async idNumberTaken(tenantId: string, idNumberHash: string, exceptId?: string): Promise<boolean> {
    const row = await one<{ id: string }>(
      this.db,
      sql`SELECT id FROM resident WHERE tenant_id = ${tenantId} AND id_number_hash = ${idNumberHash}
          ${exceptId ? sql`AND id <> ${exceptId}` : sql``} LIMIT 1`,
    );
    return row !== undefined;
  }

  async insert(values: ResidentInsert): Promise<void> {
    await this.db.insert(resident).values(values);
  }

  async update(tenantId: string, id: string, changes: ResidentChanges): Promise<void> {
    await this.db
      .update(resident)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(resident.tenantId, tenantId), eq(resident.id, id)));
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
