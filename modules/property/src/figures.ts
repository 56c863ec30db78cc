import { inScope } from '@linli/core';
import { type Db, one, rows } from '@linli/db';
import { countsOf, territorySql } from '@linli/territory';
import { type SQL, sql } from 'drizzle-orm';
import type { CompanyKind, LedgerRow, ManagementStatus, ServiceMode } from './contract.ts';
import { companyKinds, managementStatuses } from './vocabulary.ts';

/** A compound with a property profile, with the figures the cluster planner weighs. */
export interface CompoundEconomics {
  compoundId: string;
  name: string;
  communityId: string;
  communityName: string;
  lat: number | null;
  lng: number | null;
  households: number;
  floorAreaM2: number;
  /** yuan per m² and month (0 when none) */
  feePerM2Month: number;
  /** 0..1 */
  collectionRate: number;
  status: ManagementStatus | null;
  serviceMode: ServiceMode | null;
  companyId: string | null;
  clusterId: string | null;
}

type Scope = { tenantId: string; paths: string[] };

/**
 * One row per profiled compound in scope (under `nodeId` when given), with its current contract
 * figures. Households are not counted here: a count of household nodes under every compound's path
 * took seconds at county scope (~7 s on PGlite for 高密市's 186 compounds, one subtree scan each); the
 * callers take them from the territory's subtree counts (`householdsOf`).
 */
function base(scope: Scope, nodeId: string | undefined): SQL {
  return sql`SELECT pf.compound_id, n.name, n.lat, n.lng, c.id AS community_id, c.name AS community_name, s.id AS subdistrict_id, s.name AS subdistrict_name,
      pf.floor_area_m2::float8 AS floor_area, k.fee_per_m2_month::float8 AS fee,
      (SELECT r.rate::float8 FROM property_collection r WHERE r.tenant_id = pf.tenant_id AND r.contract_id = pf.contract_id ORDER BY r.period DESC LIMIT 1) AS rate,
      pf.status, pf.service_mode, pf.company_id, pf.cluster_id
    FROM property_profile pf
    JOIN ${territorySql.nodes('n')} ON n.tenant_id = pf.tenant_id AND n.id = pf.compound_id
    JOIN ${territorySql.nodes('c')} ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
    JOIN ${territorySql.nodes('s')} ON s.tenant_id = c.tenant_id AND s.id = c.parent_id
    LEFT JOIN property_contract k ON k.tenant_id = pf.tenant_id AND k.id = pf.contract_id
    WHERE pf.tenant_id = ${scope.tenantId} AND ${inScope(sql`n.path`, scope.paths)}
    ${nodeId ? sql`AND ${territorySql.underNode(sql`n.path`, scope.tenantId, nodeId)}` : sql``}`;
}

/** Compounds with a property profile under nodeId (within the caller's scope paths), for the cluster planner. */
export async function compoundEconomics(db: Db, scope: Scope, nodeId: string): Promise<CompoundEconomics[]> {
  const found = await rows<Record<string, unknown>>(db, sql`${base(scope, nodeId)} ORDER BY c.name, n.name, pf.compound_id`);
  const households = await householdsOf(
    db,
    scope,
    found.map((r) => String(r.compound_id)),
  );
  return found.map((r) => ({
    compoundId: String(r.compound_id),
    name: String(r.name),
    communityId: String(r.community_id),
    communityName: String(r.community_name),
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat),
    lng: r.lng === null || r.lng === undefined ? null : Number(r.lng),
    households: households.get(String(r.compound_id)) ?? 0,
    floorAreaM2: Number(r.floor_area ?? 0),
    feePerM2Month: Number(r.fee ?? 0),
    collectionRate: Number(r.rate ?? 0),
    status: (r.status as ManagementStatus | null) ?? null,
    serviceMode: (r.service_mode as ServiceMode | null) ?? null,
    companyId: (r.company_id as string | null) ?? null,
    clusterId: (r.cluster_id as string | null) ?? null,
  }));
}

/** Households under each compound, from the territory's subtree counts (kept by its rollup triggers). */
async function householdsOf(db: Db, scope: Scope, compoundIds: string[]): Promise<Map<string, number>> {
  const counts = await countsOf(db, scope.tenantId, compoundIds, scope.paths);
  return new Map([...counts].map(([id, c]) => [id, c.households]));
}

const zeroStatus = (): Record<ManagementStatus, number> => ({ well: 0, poor: 0, unmanaged: 0, self: 0 });

/** The ledger (台账) by subdistrict or community: compounds by status and service mode, companies, average fee and collection rate. */
export async function ledger(db: Db, scope: Scope, query: { nodeId?: string; by: 'subdistrict' | 'community' }): Promise<LedgerRow[]> {
  const key = query.by === 'community' ? sql`community_id` : sql`subdistrict_id`;
  const name = query.by === 'community' ? sql`community_name` : sql`subdistrict_name`;
  const found = await rows<{
    nodeId: string;
    nodeName: string;
    compounds: number;
    compoundIds: string[] | string;
    statuses: Record<string, number> | string;
    modes: Record<string, number> | string | null;
    companies: number;
    averageFee: number | null;
    collectionRate: number | null;
  }>(
    db,
    sql`WITH b AS (${base(scope, query.nodeId)}),
      g AS (SELECT ${key} AS node_id, min(${name}) AS node_name, count(*)::int AS compounds, array_agg(compound_id::text) AS compound_ids,
          count(DISTINCT company_id)::int AS companies,
          round(avg(fee)::numeric, 2)::float8 AS average_fee, round(avg(rate)::numeric, 4)::float8 AS collection_rate
        FROM b GROUP BY ${key})
      SELECT g.node_id::text AS "nodeId", g.node_name AS "nodeName", g.compounds, g.compound_ids AS "compoundIds", g.companies,
        g.average_fee AS "averageFee", g.collection_rate AS "collectionRate",
        (SELECT json_object_agg(x.status, x.n) FROM (SELECT status, count(*)::int AS n FROM b WHERE b.${key} = g.node_id GROUP BY status) x) AS statuses,
        (SELECT json_object_agg(x.mode, x.n) FROM (SELECT service_mode AS mode, count(*)::int AS n FROM b
           WHERE b.${key} = g.node_id AND service_mode IS NOT NULL GROUP BY service_mode) x) AS modes
      FROM g ORDER BY g.node_name, g.node_id`,
  );
  const idsOf = (r: (typeof found)[number]) => (typeof r.compoundIds === 'string' ? pgTextArray(r.compoundIds) : r.compoundIds);
  const households = await householdsOf(db, scope, found.flatMap(idsOf));
  return found.map((r) => {
    const statuses = parse(r.statuses) ?? {};
    return {
      nodeId: r.nodeId,
      nodeName: r.nodeName,
      compounds: Number(r.compounds),
      households: idsOf(r).reduce((sum, id) => sum + (households.get(id) ?? 0), 0),
      byStatus: { ...zeroStatus(), ...statuses },
      byMode: parse(r.modes) ?? {},
      companies: Number(r.companies),
      averageFee: r.averageFee === null ? null : Number(r.averageFee),
      collectionRate: r.collectionRate === null ? null : Number(r.collectionRate),
    };
  });
}

/** A text[] as some drivers return it: `{a,b}` (the ids here are uuids: no quotes or commas inside). */
function pgTextArray(v: string): string[] {
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

function parse(v: Record<string, number> | string | null): Record<string, number> | null {
  return typeof v === 'string' ? (JSON.parse(v) as Record<string, number>) : v;
}

/** The property module's own KPI figures under the node: profiles by status and mode, adopted clusters, companies by kind. */
export async function propertyFigures(db: Db, scope: Scope, nodeId: string | undefined) {
  const byStatus = await rows<{ k: ManagementStatus; n: number }>(
    db,
    sql`WITH b AS (${base(scope, nodeId)}) SELECT status AS k, count(*)::int AS n FROM b GROUP BY status`,
  );
  const byMode = await rows<{ k: string; n: number }>(
    db,
    sql`WITH b AS (${base(scope, nodeId)}) SELECT service_mode AS k, count(*)::int AS n FROM b WHERE service_mode IS NOT NULL GROUP BY service_mode`,
  );
  const clusters = await one<{ n: number }>(db, sql`WITH b AS (${base(scope, nodeId)}) SELECT count(DISTINCT cluster_id)::int AS n FROM b`);
  const companies = await rows<{ k: CompanyKind; n: number }>(
    db,
    sql`SELECT p.kind AS k, count(*)::int AS n FROM property_company p
        JOIN ${territorySql.nodes('c')} ON c.tenant_id = p.tenant_id AND c.id = p.community_id
        WHERE p.tenant_id = ${scope.tenantId} AND ${inScope(sql`c.path`, scope.paths)}
        ${nodeId ? sql`AND ${territorySql.underNode(sql`c.path`, scope.tenantId, nodeId)}` : sql``}
        GROUP BY p.kind`,
  );
  const compoundsByStatus = zeroStatus();
  for (const r of byStatus) if ((managementStatuses as readonly string[]).includes(r.k)) compoundsByStatus[r.k] = Number(r.n);
  const companiesByKind = Object.fromEntries(companyKinds.map((k) => [k, 0])) as Record<CompanyKind, number>;
  for (const r of companies) companiesByKind[r.k] = Number(r.n);
  return {
    compounds: Object.values(compoundsByStatus).reduce((a, b) => a + b, 0),
    compoundsByStatus,
    compoundsByMode: Object.fromEntries(byMode.map((r) => [r.k, Number(r.n)])),
    clusters: Number(clusters?.n ?? 0),
    companiesByKind,
    communityServiceCompanies: companiesByKind.community_service,
  };
}
