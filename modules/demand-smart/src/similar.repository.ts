import { type Db, one, rows } from '@linli/db';
import type { DemandStatus } from '@linli/demands';
import { territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { GeoPoint } from './similarity.ts';

/** Open = not yet resolved: what a resident could be asked to wait for instead of submitting again. */
export const OPEN_STATUSES = ['submitted', 'accepted', 'returned', 'dispatched', 'in_progress'] as const;
/** Depth of a compound in the territory path (county.subdistrict.community.compound). */
export const COMPOUND_DEPTH = 4;

/** The place of a node for similarity: its compound, or the node itself above the compound level. */
export function placePath(path: string, depth = COMPOUND_DEPTH): string {
  return path.split('.').slice(0, depth).join('.');
}

export interface SuggestContext {
  /** The tenant's current classifier, or null when it was never retrained. */
  modelId: string | null;
  /** Active categories: code → id and name. */
  categories: Map<string, { id: string; name: string }>;
  node: { id: string; path: string; placeId: string; placePath: string } | null;
}

export interface Candidate {
  id: string;
  number: string;
  title: string;
  description: string;
  status: DemandStatus;
  categoryId: string;
  categoryName: string;
  level: string;
  submittedAt: Date;
  point: GeoPoint | null;
  inPlace: boolean;
  mine: boolean;
}

export interface CandidateQuery {
  tenantId: string;
  accountId: string;
  /** Path of the place (compound); demands under it match by node. */
  place: string | null;
  /** With a radius: demands with coordinates inside the bounding box match by radius (the distance is checked afterwards). */
  point: GeoPoint | null;
  radiusMeters: number;
  from: Date;
  to: Date;
  statuses: readonly string[];
  /** The caller's visibility, in SQL. */
  visible: SQL;
  excludeId?: string;
  limit: number;
}

const METERS_PER_DEGREE = 111_320;

/** Reads for suggestions and similar demands: one look-up of what a suggestion needs, and the candidates near a place. */
export class SimilarRepository {
  constructor(private readonly db: Db) {}

  /** In one round trip: the current model id, the active categories, and the node with its place. */
  async context(tenantId: string, nodeId: string | null): Promise<SuggestContext> {
    const r = await one<{ model_id: string | null; categories: unknown; node: unknown }>(
      this.db,
      sql`SELECT
          (SELECT model_id FROM demand_classifier WHERE tenant_id = ${tenantId}) AS model_id,
          (SELECT coalesce(json_agg(json_build_array(c.code, c.id, c.name)), '[]'::json)
             FROM demand_category c WHERE c.tenant_id = ${tenantId} AND c.active) AS categories,
          (SELECT json_build_object('id', n.id, 'path', n.path::text, 'placeId', p.id, 'placePath', p.path::text)
             FROM ${territorySql.nodes('n')}
             JOIN ${territorySql.nodes('p')} ON p.tenant_id = n.tenant_id AND p.path = subpath(n.path, 0, least(nlevel(n.path), ${COMPOUND_DEPTH}))
             WHERE n.tenant_id = ${tenantId} AND n.id = ${nodeId}::uuid) AS node`,
    );
    const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
    const categories = new Map<string, { id: string; name: string }>();
    for (const [code, id, name] of parse<[string, string, string][]>(r?.categories ?? '[]')) categories.set(code, { id, name });
    return {
      modelId: r?.model_id ?? null,
      categories,
      node: r?.node ? parse<SuggestContext['node']>(r.node) : null,
    };
  }

  /** The demand to compare with, if `visible` lets the caller see it, with its place. */
  async subject(
    tenantId: string,
    id: string,
    visible: SQL,
  ): Promise<
    | {
        id: string;
        title: string;
        description: string;
        status: string;
        submittedAt: Date;
        point: GeoPoint | null;
        placeId: string;
        placePath: string;
      }
    | undefined
  > {
    const r = await one<{
      id: string;
      title: string;
      description: string;
      status: string;
      submitted_at: Date | string;
      lat: number | null;
      lng: number | null;
      place_id: string;
      place_path: string;
    }>(
      this.db,
      sql`SELECT d.id, d.title, d.description, d.status, d.submitted_at, d.lat, d.lng, p.id AS place_id, p.path::text AS place_path
          FROM demand d
          JOIN ${territorySql.nodes('p')} ON p.tenant_id = d.tenant_id AND p.path = subpath(d.node_path, 0, least(nlevel(d.node_path), ${COMPOUND_DEPTH}))
          WHERE d.tenant_id = ${tenantId} AND d.id = ${id}::uuid AND ${visible}`,
    );
    if (!r) return undefined;
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      status: r.status,
      submittedAt: new Date(r.submitted_at),
      point: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
      placeId: r.place_id,
      placePath: r.place_path,
    };
  }

  /** Demands at the place or within the radius's bounding box, in the window and the caller's visibility, newest first. */
  async candidates(q: CandidateQuery): Promise<Candidate[]> {
    const where: SQL[] = [];
    if (q.place) where.push(sql`d.node_path <@ ${q.place}::ltree`);
    if (q.point) {
      const dLat = q.radiusMeters / METERS_PER_DEGREE;
      const dLng = q.radiusMeters / (METERS_PER_DEGREE * Math.max(0.01, Math.cos((q.point.lat * Math.PI) / 180)));
      where.push(
        sql`(d.lat BETWEEN ${q.point.lat - dLat} AND ${q.point.lat + dLat} AND d.lng BETWEEN ${q.point.lng - dLng} AND ${q.point.lng + dLng})`,
      );
    }
    if (where.length === 0) return [];
    const statuses = sql.join(
      q.statuses.map((s) => sql`${s}`),
      sql`, `,
    );
    const list = await rows<{
      id: string;
      number: string;
      title: string;
      description: string;
      status: Candidate['status'];
      category_id: string;
      category_name: string;
      level: string;
      submitted_at: Date | string;
      lat: number | null;
      lng: number | null;
      in_place: boolean;
      mine: boolean;
    }>(
      this.db,
      sql`SELECT d.id, d.number, d.title, d.description, d.status, d.category_id, c.name AS category_name, d.level, d.submitted_at,
            d.lat, d.lng, ${q.place ? sql`d.node_path <@ ${q.place}::ltree` : sql`false`} AS in_place,
            coalesce(d.reporter_account_id = ${q.accountId}::uuid, false) AS mine
          FROM demand d JOIN demand_category c ON c.tenant_id = d.tenant_id AND c.id = d.category_id
          WHERE d.tenant_id = ${q.tenantId} AND d.status IN (${statuses})
            AND d.submitted_at >= ${q.from.toISOString()}::timestamptz AND d.submitted_at <= ${q.to.toISOString()}::timestamptz
            AND (${sql.join(where, sql` OR `)}) AND ${q.visible}
            ${q.excludeId ? sql`AND d.id <> ${q.excludeId}::uuid` : sql``}
          ORDER BY d.submitted_at DESC, d.id DESC
          LIMIT ${q.limit}`,
    );
    return list.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      description: r.description,
      status: r.status,
      categoryId: r.category_id,
      categoryName: r.category_name,
      level: r.level,
      submittedAt: new Date(r.submitted_at),
      point: r.lat === null || r.lng === null ? null : { lat: r.lat, lng: r.lng },
      inPlace: r.in_place,
      mine: r.mine,
    }));
  }
}
