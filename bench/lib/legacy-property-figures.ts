// The two county-scope property reads as they ran before the households came from the territory's
// subtree counts (modules/property/src/figures.ts at 8e83415): every profiled compound's households
// counted by a subquery over the household nodes under its path. Kept so that `npm run bench --
// property` measures before and after in one run on the same data; not used by the application.
import type { Database } from '@linli/db';

/** The old `base(scope, nodeId)` at one scope path and node, $1 tenant, $2 scope path, $3 node id. */
const base = `SELECT pf.compound_id, n.name, n.lat, n.lng, c.id AS community_id, c.name AS community_name, s.id AS subdistrict_id, s.name AS subdistrict_name,
      (SELECT count(*)::int FROM territory_node h WHERE h.tenant_id = pf.tenant_id AND h.kind = 'household' AND h.path <@ n.path) AS households,
      pf.floor_area_m2::float8 AS floor_area, k.fee_per_m2_month::float8 AS fee,
      (SELECT r.rate::float8 FROM property_collection r WHERE r.tenant_id = pf.tenant_id AND r.contract_id = pf.contract_id ORDER BY r.period DESC LIMIT 1) AS rate,
      pf.status, pf.service_mode, pf.company_id, pf.cluster_id
    FROM property_profile pf
    JOIN territory_node n ON n.tenant_id = pf.tenant_id AND n.id = pf.compound_id
    JOIN territory_node c ON c.tenant_id = n.tenant_id AND c.id = n.parent_id
    JOIN territory_node s ON s.tenant_id = c.tenant_id AND s.id = c.parent_id
    LEFT JOIN property_contract k ON k.tenant_id = pf.tenant_id AND k.id = pf.contract_id
    WHERE pf.tenant_id = $1 AND n.path <@ $2::ltree
    AND n.path <@ (SELECT tp.path FROM territory_node tp WHERE tp.tenant_id = $1 AND tp.id = $3::uuid)`;

/** The old compoundEconomics statement: compound ids with their households. */
export async function compoundHouseholds(database: Database, tenantId: string, path: string, nodeId: string) {
  const found = await database.query<{ compound_id: string; households: number }>(`${base} ORDER BY c.name, n.name, pf.compound_id`, [
    tenantId,
    path,
    nodeId,
  ]);
  return found.map((r) => ({ compoundId: String(r.compound_id), households: Number(r.households) }));
}

/** The old ledger statement by community: node id, compounds and households per community. */
export async function ledgerHouseholds(database: Database, tenantId: string, path: string, nodeId: string) {
  const found = await database.query<{ nodeId: string; compounds: number; households: number }>(
    `WITH b AS (${base}),
      g AS (SELECT community_id AS node_id, min(community_name) AS node_name, count(*)::int AS compounds, sum(households)::int AS households,
          count(DISTINCT company_id)::int AS companies,
          round(avg(fee)::numeric, 2)::float8 AS average_fee, round(avg(rate)::numeric, 4)::float8 AS collection_rate
        FROM b GROUP BY community_id)
      SELECT g.node_id::text AS "nodeId", g.compounds, g.households,
        (SELECT json_object_agg(x.status, x.n) FROM (SELECT status, count(*)::int AS n FROM b WHERE b.community_id = g.node_id GROUP BY status) x) AS statuses,
        (SELECT json_object_agg(x.mode, x.n) FROM (SELECT service_mode AS mode, count(*)::int AS n FROM b
           WHERE b.community_id = g.node_id AND service_mode IS NOT NULL GROUP BY service_mode) x) AS modes
      FROM g ORDER BY g.node_name, g.node_id`,
    [tenantId, path, nodeId],
  );
  return found.map((r) => ({ nodeId: r.nodeId, compounds: Number(r.compounds), households: Number(r.households) }));
}
