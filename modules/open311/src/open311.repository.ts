import { isUuid } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import type { DemandStatus } from '@linli/demands';
import { PUBLISHABLE } from '@linli/demands';
import { type TerritoryRef, territory, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { AttributeDefinition, AttributeValues } from './contract.ts';

export interface Open311ClientRecord {
  tenantId: string;
  id: string;
  name: string;
  jurisdictionId: string;
  accountId: string;
  username: string;
}

/** A client as the staff list shows it (no key hash). */
export interface Open311ClientListRecord {
  id: string;
  name: string;
  jurisdictionId: string;
  active: boolean;
  createdAt: Date;
  lastRequestAt: Date | null;
}

export interface ServiceRecord {
  id: string;
  code: string;
  name: string;
  groupName: string;
  path: string;
  attributes: AttributeDefinition[];
}

/** What the Open311 views of a demand read; nothing about the reporter. */
export interface RequestRecord {
  id: string;
  number: string;
  status: DemandStatus;
  description: string;
  result: string | null;
  rejectReason: string | null;
  mergedIntoNumber: string | null;
  serviceCode: string;
  serviceName: string;
  agency: string | null;
  submittedAt: Date;
  updatedAt: Date;
  resolveDueAt: Date;
  lat: number | null;
  lng: number | null;
  /** The address sent through Open311, if the demand came that way (staff-typed addresses stay inside). */
  open311Address: string | null;
  /** The public place: the location cut at the compound (never a building, entrance or household). */
  placeId: string;
  placeNames: string[];
  mediaUrl: string | null;
  /** Only to mask it wherever it occurs in the texts; never sent. */
  reporterName: string | null;
}

export interface UpdateRecord {
  number: string;
  seq: number;
  at: Date;
  action: string;
  toStatus: DemandStatus;
  note: string | null;
  mediaUrl: string | null;
  /** Only to mask it in the note; never sent. */
  reporterName: string | null;
}

const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

// Kinds of territory node a public answer may name; below the compound a node is someone's home.
const PUBLIC_KINDS = sql`('county', 'subdistrict', 'community', 'compound')`;

/** SQL of the Open311 endpoints: clients, services, the public view of demands and their timeline. */
export class Open311Repository {
  constructor(private readonly db: Db) {}

  /** The client holding this api key (by its SHA-256), with its service account, if that account is active. */
  findClientByKeyHash(keyHash: string): Promise<Open311ClientRecord | undefined> {
    return one<Open311ClientRecord>(
      this.db,
      sql`SELECT c.tenant_id AS "tenantId", c.id, c.name, c.jurisdiction_id AS "jurisdictionId", c.account_id AS "accountId",
            a.username
          FROM open311_client c JOIN account a ON a.id = c.account_id
          WHERE c.api_key_hash = ${keyHash} AND a.status = 'active'`,
    );
  }

  /**
   * The county's clients for staff, by name (or one of them), with the time of each one's last
   * request; never the key hash. `active` is the service account's status, the record the accounts
   * page shows too.
   */
  async clients(tenantId: string, clientId?: string): Promise<Open311ClientListRecord[]> {
    const list = await rows<Open311ClientListRecord & { createdAt: Date | string; lastRequestAt: Date | string | null }>(
      this.db,
      sql`SELECT c.id, c.name, c.jurisdiction_id AS "jurisdictionId", a.status = 'active' AS active, c.created_at AS "createdAt",
            (SELECT max(r.created_at) FROM open311_request r WHERE r.tenant_id = c.tenant_id AND r.client_id = c.id) AS "lastRequestAt"
          FROM open311_client c JOIN account a ON a.id = c.account_id
          WHERE c.tenant_id = ${tenantId} ${clientId === undefined ? sql`` : sql`AND c.id = ${clientId}::uuid`}
          ORDER BY c.name`,
    );
    return list.map((r) => ({
      ...r,
      createdAt: date(r.createdAt),
      lastRequestAt: r.lastRequestAt === null ? null : date(r.lastRequestAt),
    }));
  }

  /** Replaces a client's key hash; the client's name, or undefined if the county has no such client. */
  replaceKeyHash(tenantId: string, clientId: string, keyHash: string): Promise<{ name: string } | undefined> {
    if (!isUuid(clientId)) return Promise.resolve(undefined);
    return one<{ name: string }>(
      this.db,
      sql`UPDATE open311_client SET api_key_hash = ${keyHash}
          WHERE tenant_id = ${tenantId} AND id = ${clientId}::uuid RETURNING name`,
    );
  }

  /**
   * Switches a client on or off: its service account's status ('active' / 'disabled'), the one record
   * both the accounts page and the Open311 page show. The client's name and whether it was on before,
   * or undefined if the county has no such client.
   */
  setClientActive(tenantId: string, clientId: string, active: boolean): Promise<{ name: string; active: boolean } | undefined> {
    if (!isUuid(clientId)) return Promise.resolve(undefined);
    return one<{ name: string; active: boolean }>(
      this.db,
      sql`UPDATE account a SET status = ${active ? 'active' : 'disabled'}, updated_at = now()
          FROM (SELECT c.name, x.id, x.status FROM open311_client c JOIN account x ON x.id = c.account_id
                WHERE c.tenant_id = ${tenantId} AND c.id = ${clientId}::uuid FOR UPDATE OF x) old
          WHERE a.id = old.id
          RETURNING old.name, old.status = 'active' AS active`,
    );
  }

  /** Tenants that serve Open311 (an active client) under this jurisdiction_id, or all of them. */
  async servingTenants(jurisdictionId: string | undefined): Promise<string[]> {
    const list = await rows<{ tenant_id: string }>(
      this.db,
      sql`SELECT DISTINCT c.tenant_id FROM open311_client c JOIN account a ON a.id = c.account_id
          WHERE a.status = 'active' ${jurisdictionId === undefined ? sql`` : sql`AND c.jurisdiction_id = ${jurisdictionId}`}
          ORDER BY c.tenant_id LIMIT 2`,
    );
    return list.map((r) => r.tenant_id);
  }

  countyRoot(tenantId: string): Promise<TerritoryRef | undefined> {
    return territory.countyRoot(this.db, tenantId);
  }

  private serviceSelect(tenantId: string, where: SQL): SQL {
    return sql`SELECT c.id, c.code, c.name, coalesce(p.name, c.name) AS "groupName", c.path::text AS path,
          c.open311_attributes AS attributes
        FROM demand_category c
        LEFT JOIN demand_category p ON p.tenant_id = c.tenant_id AND p.id = c.parent_id
        WHERE c.tenant_id = ${tenantId} AND c.active AND ${where}`;
  }

  /** Active categories as services, in tree order (each top category, then its subcategories). */
  async services(tenantId: string): Promise<ServiceRecord[]> {
    const list = await rows<ServiceRecord>(
      this.db,
      sql`${this.serviceSelect(tenantId, sql`true`)} ORDER BY coalesce(p.sort_order, c.sort_order), coalesce(p.code, c.code), p.id IS NOT NULL, c.sort_order, c.code`,
    );
    return list.map((s) => ({ ...s, attributes: parseJson<AttributeDefinition[]>(s.attributes) }));
  }

  async serviceByCode(tenantId: string, code: string): Promise<ServiceRecord | undefined> {
    const s = await one<ServiceRecord>(this.db, this.serviceSelect(tenantId, sql`c.code = ${code}`));
    return s && { ...s, attributes: parseJson<AttributeDefinition[]>(s.attributes) };
  }

  /** Codes among `codes` that are not active categories of the tenant. */
  async unknownServiceCodes(tenantId: string, codes: string[]): Promise<string[]> {
    const known = await rows<{ code: string }>(
      this.db,
      sql`SELECT code FROM demand_category WHERE tenant_id = ${tenantId} AND active AND code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    const set = new Set(known.map((k) => k.code));
    return codes.filter((c) => !set.has(c));
  }

  /** address_id: a territory node of the tenant by its id or its code. */
  findPlace(tenantId: string, addressId: string): Promise<TerritoryRef | undefined> {
    const match = isUuid(addressId) ? sql`id = ${addressId}::uuid` : sql`code = ${addressId}`;
    return one<TerritoryRef>(
      this.db,
      sql`SELECT id, kind, name, path::text AS path FROM ${territorySql.nodes('tn')} WHERE tenant_id = ${tenantId} AND ${match}`,
    );
  }

  /**
   * The deepest subdistrict, community or compound whose name appears in the address, counting
   * how many of its ancestors are named too; undefined when none is named or two places tie.
   */
  async placeFromAddress(tenantId: string, address: string): Promise<TerritoryRef | undefined> {
    const candidates = await rows<TerritoryRef & { depth: number; named: number }>(
      this.db,
      sql`SELECT n.id, n.kind, n.name, n.path::text AS path, nlevel(n.path) AS depth,
            (SELECT count(*)::int FROM ${territorySql.nodes('a')}
              WHERE a.tenant_id = n.tenant_id AND a.path @> n.path AND a.kind IN ('subdistrict', 'community', 'compound')
                AND strpos(${address}, a.name) > 0) AS named
          FROM ${territorySql.nodes('n')}
          WHERE n.tenant_id = ${tenantId} AND n.kind IN ('subdistrict', 'community', 'compound')
            AND length(n.name) >= 2 AND strpos(${address}, n.name) > 0
          ORDER BY depth DESC, named DESC LIMIT 2`,
    );
    const [best, next] = candidates;
    if (!best) return undefined;
    if (next && next.depth === best.depth && next.named === best.named) return undefined;
    return { id: best.id, kind: best.kind, name: best.name, path: best.path };
  }

  async linkRequest(r: { tenantId: string; demandId: string; clientId: string; mediaUrl: string | null; attributes: AttributeValues }) {
    await this.db.execute(sql`UPDATE demand SET attributes = ${JSON.stringify(r.attributes)}::jsonb
      WHERE tenant_id = ${r.tenantId} AND id = ${r.demandId}::uuid`);
    await this.db.execute(sql`INSERT INTO open311_request (tenant_id, demand_id, client_id, media_url)
      VALUES (${r.tenantId}, ${r.demandId}::uuid, ${r.clientId}::uuid, ${r.mediaUrl})`);
  }

  /** The request number of a token (the id of a demand submitted through Open311). */
  async numberOfToken(tenantId: string, token: string): Promise<string | undefined> {
    const row = await one<{ number: string }>(
      this.db,
      sql`SELECT d.number FROM open311_request o JOIN demand d ON d.tenant_id = o.tenant_id AND d.id = o.demand_id
          WHERE o.tenant_id = ${tenantId} AND o.demand_id = ${token}::uuid`,
    );
    return row?.number;
  }

  /**
   * The public view of the demands in `source` (a derived table of demand rows, already filtered and
   * limited, so the place of each is looked up only for the rows returned).
   */
  private requestSelect(source: SQL): SQL {
    return sql`SELECT d.id, d.number, d.status, d.description, d.result, d.reject_reason AS "rejectReason",
          m.number AS "mergedIntoNumber", c.code AS "serviceCode", c.name AS "serviceName",
          coalesce(hn.name, dep.name) AS agency, d.submitted_at AS "submittedAt", d.updated_at AS "updatedAt",
          d.resolve_due_at AS "resolveDueAt", d.lat, d.lng,
          CASE WHEN o.demand_id IS NOT NULL THEN d.address END AS "open311Address", o.media_url AS "mediaUrl",
          pl.id AS "placeId", pl.names AS "placeNames", d.reporter_name AS "reporterName"
        FROM (${source}) d
        JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
        LEFT JOIN ${territorySql.nodes('hn')} ON hn.tenant_id = d.tenant_id AND hn.id = d.handling_node_id
        LEFT JOIN department dep ON dep.tenant_id = d.tenant_id AND dep.id = d.handling_department_id
        LEFT JOIN demand m ON m.tenant_id = d.tenant_id AND m.id = d.merged_into_id
        LEFT JOIN open311_request o ON o.tenant_id = d.tenant_id AND o.demand_id = d.id
        CROSS JOIN LATERAL (
          SELECT (array_agg(a.id ORDER BY nlevel(a.path) DESC))[1] AS id,
                 array_agg(a.name ORDER BY nlevel(a.path)) FILTER (WHERE a.kind <> 'county') AS names
          FROM ${territorySql.nodes('a')}
          WHERE a.tenant_id = d.tenant_id AND a.path @> d.node_path AND a.kind IN ${PUBLIC_KINDS}) pl
        ORDER BY d.submitted_at DESC, d.id DESC`;
  }

  private toRequest(r: RequestRecord): RequestRecord {
    return {
      ...r,
      submittedAt: date(r.submittedAt),
      updatedAt: date(r.updatedAt),
      resolveDueAt: date(r.resolveDueAt),
      placeNames: r.placeNames ?? [],
    };
  }

  /**
   * The demands a caller may read through Open311 (PUBLISHABLE, migration 0016): public ones, and —
   * with its api_key — those the client itself submitted.
   */
  private readable(clientId: string | undefined): SQL {
    return clientId === undefined
      ? PUBLISHABLE
      : sql`(${PUBLISHABLE} OR EXISTS (SELECT 1 FROM open311_request mine
          WHERE mine.tenant_id = d.tenant_id AND mine.demand_id = d.id AND mine.client_id = ${clientId}::uuid))`;
  }

  async requestsByNumber(tenantId: string, numbers: string[], clientId?: string): Promise<RequestRecord[]> {
    const list = await rows<RequestRecord>(
      this.db,
      this.requestSelect(
        sql`SELECT * FROM demand d WHERE d.tenant_id = ${tenantId} AND d.number IN (${sql.join(
          numbers.map((n) => sql`${n}`),
          sql`, `,
        )}) AND ${this.readable(clientId)}`,
      ),
    );
    return list.map((r) => this.toRequest(r));
  }

  /** Requests submitted in [from, to), newest first, by service code and internal status. */
  async requests(
    tenantId: string,
    q: { from: Date; to: Date; serviceCodes?: string[]; statuses?: DemandStatus[]; limit: number; clientId?: string },
  ): Promise<RequestRecord[]> {
    const c: SQL[] = [
      sql`d.tenant_id = ${tenantId}`,
      this.readable(q.clientId),
      sql`d.submitted_at >= ${q.from.toISOString()}::timestamptz`,
      sql`d.submitted_at < ${q.to.toISOString()}::timestamptz`,
    ];
    if (q.serviceCodes?.length) {
      c.push(
        sql`d.category_id IN (SELECT id FROM demand_category WHERE tenant_id = ${tenantId} AND code IN (${sql.join(
          q.serviceCodes.map((s) => sql`${s}`),
          sql`, `,
        )}))`,
      );
    }
    if (q.statuses)
      c.push(
        sql`d.status IN (${sql.join(
          q.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      );
    const page = sql`SELECT d.* FROM demand d WHERE ${sql.join(c, sql` AND `)} ORDER BY d.submitted_at DESC, d.id DESC LIMIT ${q.limit}`;
    const list = await rows<RequestRecord>(this.db, this.requestSelect(page));
    return list.map((r) => this.toRequest(r));
  }

  /** Timeline entries in [from, to), oldest first. */
  async updates(tenantId: string, q: { from: Date; to: Date; limit: number; clientId?: string }): Promise<UpdateRecord[]> {
    const list = await rows<UpdateRecord>(
      this.db,
      sql`SELECT d.number, e.seq, e.at, e.action, e.to_status AS "toStatus", e.note, o.media_url AS "mediaUrl",
            d.reporter_name AS "reporterName"
          FROM demand_event e
          JOIN demand d ON d.tenant_id = e.tenant_id AND d.id = e.demand_id
          LEFT JOIN open311_request o ON o.tenant_id = d.tenant_id AND o.demand_id = d.id AND e.action = 'submit'
          WHERE e.tenant_id = ${tenantId} AND e.at >= ${q.from.toISOString()}::timestamptz AND e.at < ${q.to.toISOString()}::timestamptz
            AND ${this.readable(q.clientId)}
          ORDER BY e.at, d.number, e.seq LIMIT ${q.limit}`,
    );
    return list.map((u) => ({ ...u, at: date(u.at) }));
  }
}
