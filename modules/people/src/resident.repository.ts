import { CursorText, inScope, Uuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Static, Type } from 'typebox';
import type { Resident, ResidentSort } from './contract.ts';
import { resident } from './schema.ts';

export interface TerritoryRef {
  id: string;
  kind: string;
  name: string;
  path: string;
}

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

const sortKeys: Record<string, SQL> = {
  name: sql`r.name`,
  createdAt: sql`r.id::text`, // ids are UUIDv7: their order is the creation order
  birthDate: sql`coalesce(to_char(r.birth_date, 'YYYY-MM-DD'), '')`,
};

function toResident(row: ResidentRow): Resident {
  return {
    id: row.id,
    householdId: row.household_id,
    householdPath: row.household_path ?? [],
    name: row.name,
    gender: row.gender,
    birthDate: row.birth_date,
    relation: row.relation,
    phone: row.phone_masked,
    idNumber: row.id_number_masked,
    tags: row.tags ?? [],
    isPartyMember: row.is_party_member,
    note: row.note,
  };
}

/**
 * All SQL about residents. Every read joins the household's territory node and limits it to the
 * caller's scope (ltree paths) inside the query; only masked personal data is ever selected here,
 * except in `secretsFor`, which the reveal command alone uses.
 */
export class ResidentRepository {
  constructor(private readonly db: Db) {}

  findNode(tenantId: string, id: string): Promise<TerritoryRef | undefined> {
    return one<TerritoryRef>(
      this.db,
      sql`SELECT id, kind, name, path::text AS path FROM territory_node WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
  }

  private select(tenantId: string, scope: string[], conditions: SQL[], sortKey: SQL = sortKeys.name!, tail: SQL = sql``): SQL {
    // The inner query filters, sorts and limits; the household path (names of the ancestors) is
    // computed only for the rows of the page, not for every resident in scope.
    return sql`SELECT p.*, ARRAY(SELECT a.name FROM territory_node a
              WHERE a.tenant_id = p.tenant_id AND a.path @> p.h_path AND a.kind <> 'county' ORDER BY nlevel(a.path)) AS household_path
      FROM (SELECT r.tenant_id, r.id, r.household_id, r.name, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date, r.relation,
              r.phone_masked, r.id_number_masked, r.tags, r.is_party_member, r.note, ${sortKey} AS sort_key, h.path AS h_path
            FROM resident r
            JOIN territory_node h ON h.tenant_id = r.tenant_id AND h.id = r.household_id
            WHERE r.tenant_id = ${tenantId} AND ${inScope(sql`h.path`, scope)} ${conditions.length ? sql`AND ${sql.join(conditions, sql` AND `)}` : sql``}
            ${tail}) p`;
  }

  async findById(tenantId: string, id: string, scope: string[]): Promise<Resident | undefined> {
    const row = await one<ResidentRow>(this.db, this.select(tenantId, scope, [sql`r.id = ${id}`]));
    return row && toResident(row);
  }

  private filterConditions(tenantId: string, filter: ResidentFilter): SQL[] {
    const c: SQL[] = [sql`r.moved_out_at IS NULL`];
    if (filter.nodeId) {
      c.push(sql`h.path <@ (SELECT n.path FROM territory_node n WHERE n.tenant_id = ${tenantId} AND n.id = ${filter.nodeId})`);
    }
    if (filter.q) {
      const alternatives = [sql`r.name ILIKE ${`%${escapeLike(filter.q)}%`}`];
      if (filter.phoneHash) alternatives.push(sql`r.phone_hash = ${filter.phoneHash}`);
      if (filter.idNumberHash) alternatives.push(sql`r.id_number_hash = ${filter.idNumberHash}`);
      c.push(sql`(${sql.join(alternatives, sql` OR `)})`);
    }
    if (filter.tag) c.push(sql`r.tags @> ARRAY[${filter.tag}]::text[]`);
    if (filter.isPartyMember !== undefined) c.push(sql`r.is_party_member = ${filter.isPartyMember}`);
    return c;
  }

  async list(
    tenantId: string,
    scope: string[],
    filter: ResidentFilter,
    page: { limit: number; after?: ResidentCursor },
  ): Promise<{ items: Resident[]; next: ResidentCursor | null }> {
    const sort = filter.sort ?? 'name';
    const desc = sort.startsWith('-');
    const key = sortKeys[desc ? sort.slice(1) : sort] ?? sortKeys.name!;
    const conditions = this.filterConditions(tenantId, filter);
    if (page.after) {
      const [value, id] = page.after;
      conditions.push(desc ? sql`(${key}, r.id) < (${value ?? ''}, ${id}::uuid)` : sql`(${key}, r.id) > (${value ?? ''}, ${id}::uuid)`);
    }
    const inner = desc
      ? sql`ORDER BY sort_key DESC, r.id DESC LIMIT ${page.limit + 1}`
      : sql`ORDER BY sort_key, r.id LIMIT ${page.limit + 1}`;
    const outer = desc ? sql`ORDER BY p.sort_key DESC, p.id DESC` : sql`ORDER BY p.sort_key, p.id`;
    const found = await rows<ResidentRow>(this.db, sql`${this.select(tenantId, scope, conditions, key, inner)} ${outer}`);
    const items = found.slice(0, page.limit);
    const last = found.length > page.limit ? items[items.length - 1] : undefined;
    return { items: items.map(toResident), next: last ? [last.sort_key, last.id] : null };
  }

  async count(tenantId: string, scope: string[], filter: ResidentFilter): Promise<number> {
    const conditions = this.filterConditions(tenantId, filter);
    const row = await one<{ n: number }>(
      this.db,
      sql`SELECT count(*)::int AS n FROM resident r JOIN territory_node h ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND ${inScope(sql`h.path`, scope)} AND ${sql.join(conditions, sql` AND `)}`,
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
          FROM resident r JOIN territory_node h ON h.tenant_id = r.tenant_id AND h.id = r.household_id
          WHERE r.tenant_id = ${tenantId} AND r.id = ${id}`,
    );
  }

  /** Household id and path of a resident, when it lies in `scope`. */
  locate(tenantId: string, id: string, scope: string[]): Promise<{ id: string; householdId: string; path: string } | undefined> {
    return one(
      this.db,
      sql`SELECT r.id, r.household_id AS "householdId", h.path::text AS path
          FROM resident r JOIN territory_node h ON h.tenant_id = r.tenant_id AND h.id = r.household_id
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
