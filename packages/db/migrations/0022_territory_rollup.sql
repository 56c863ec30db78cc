-- Subtree counts of every territory node, kept by the writes: how many subdistricts, communities,
-- compounds, buildings, entrances and households lie in the subtree of a node (the node included),
-- how many residents live there (not moved out) and how many of them are party members (a
-- party_member row, or the resident's own flag set by the household import before the party module
-- placed the member in an organisation).
--
-- Why: the county's counts aggregated 68,000 nodes and 170,000 residents on every read (2.1 s on the
-- demo county in embedded mode); here they are one row per node.
--
-- How it stays right: statement-level triggers with transition tables, so a bulk insert of a
-- thousand households or five hundred residents costs one aggregation, not a thousand. The path of a
-- node is the ltree of the ids of its ancestors and itself (0001), so the ids a change counts towards
-- are read from the path, without a look-up; a move subtracts what the moved nodes carry at their old
-- ancestors and adds it at the new ones, and the nodes inside the moved subtree see both and cancel.
-- Residents and party members are recounted per household touched (territory_household_count holds
-- the last count), and only the difference travels up: whatever order the writes come in, a
-- household's figure is the one its rows give. Ancestor rows are updated in id order, so two
-- transactions never wait on each other's rows in opposite orders. No temporary tables: the rows
-- of a statement travel as arrays, which suits pooled connections.

CREATE TABLE territory_rollup (
  tenant_id      text NOT NULL REFERENCES tenant (tenant_id),
  node_id        uuid NOT NULL,
  subdistricts   integer NOT NULL DEFAULT 0,
  communities    integer NOT NULL DEFAULT 0,
  compounds      integer NOT NULL DEFAULT 0,
  buildings      integer NOT NULL DEFAULT 0,
  entrances      integer NOT NULL DEFAULT 0,
  households     integer NOT NULL DEFAULT 0,
  residents      integer NOT NULL DEFAULT 0,
  party_members  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, node_id)
);

-- Residents (not moved out) and party members among them, per household node.
CREATE TABLE territory_household_count (
  tenant_id      text NOT NULL REFERENCES tenant (tenant_id),
  household_id   uuid NOT NULL,
  residents      integer NOT NULL DEFAULT 0,
  party_members  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, household_id)
);

-- Residents listed in name order at county scope walk this index and stop after a page.
CREATE INDEX resident_name_order ON resident (tenant_id, name, id) WHERE moved_out_at IS NULL;

-- Adds what each (tenant, path) carries to every node on the path, ancestors and the node itself:
-- sign × one of its kind, and its residents and party members.
CREATE FUNCTION territory_rollup_apply(p_tenant text[], p_path ltree[], p_kind text[], p_sign integer[],
  p_residents integer[], p_party_members integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO territory_rollup AS t (tenant_id, node_id, subdistricts, communities, compounds, buildings, entrances,
    households, residents, party_members)
  SELECT c.tenant_id, ltree2text(subpath(c.path, k, 1))::uuid,
    sum(c.sign * (c.kind IS NOT DISTINCT FROM 'subdistrict')::int), sum(c.sign * (c.kind IS NOT DISTINCT FROM 'community')::int),
    sum(c.sign * (c.kind IS NOT DISTINCT FROM 'compound')::int), sum(c.sign * (c.kind IS NOT DISTINCT FROM 'building')::int),
    sum(c.sign * (c.kind IS NOT DISTINCT FROM 'entrance')::int), sum(c.sign * (c.kind IS NOT DISTINCT FROM 'household')::int),
    sum(c.sign * c.residents), sum(c.sign * c.party_members)
  FROM unnest(p_tenant, p_path, p_kind, p_sign, p_residents, p_party_members)
    AS c (tenant_id, path, kind, sign, residents, party_members)
  CROSS JOIN LATERAL generate_series(0, nlevel(c.path) - 1) AS k
  GROUP BY 1, 2
  HAVING sum(c.sign * (c.kind IS NOT DISTINCT FROM 'subdistrict')::int) <> 0
    OR sum(c.sign * (c.kind IS NOT DISTINCT FROM 'community')::int) <> 0
    OR sum(c.sign * (c.kind IS NOT DISTINCT FROM 'compound')::int) <> 0
    OR sum(c.sign * (c.kind IS NOT DISTINCT FROM 'building')::int) <> 0
    OR sum(c.sign * (c.kind IS NOT DISTINCT FROM 'entrance')::int) <> 0
    OR sum(c.sign * (c.kind IS NOT DISTINCT FROM 'household')::int) <> 0
    OR sum(c.sign * c.residents) <> 0 OR sum(c.sign * c.party_members) <> 0
  ORDER BY 1, 2
  ON CONFLICT (tenant_id, node_id) DO UPDATE SET
    subdistricts = t.subdistricts + excluded.subdistricts,
    communities = t.communities + excluded.communities,
    compounds = t.compounds + excluded.compounds,
    buildings = t.buildings + excluded.buildings,
    entrances = t.entrances + excluded.entrances,
    households = t.households + excluded.households,
    residents = t.residents + excluded.residents,
    party_members = t.party_members + excluded.party_members;
END;
$$;

-- Nodes added: one of their kind on each path; every node gets its row.
CREATE FUNCTION territory_rollup_on_node_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_apply(array_agg(n.tenant_id), array_agg(n.path), array_agg(n.kind::text),
    array_agg(1), array_agg(0), array_agg(0))
  FROM new_nodes n;
  INSERT INTO territory_rollup (tenant_id, node_id) SELECT n.tenant_id, n.id FROM new_nodes n ORDER BY 1, 2 ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;

-- Nodes moved (path changed) or re-kinded: what each carries itself leaves the old path and joins the new one.
CREATE FUNCTION territory_rollup_on_node_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_apply(array_agg(x.tenant_id), array_agg(x.path), array_agg(x.kind::text), array_agg(x.sign),
    array_agg(coalesce(h.residents, 0)), array_agg(coalesce(h.party_members, 0)))
  FROM (
    SELECT o.tenant_id, o.id, o.path, o.kind, -1 AS sign
    FROM old_nodes o JOIN new_nodes n ON n.tenant_id = o.tenant_id AND n.id = o.id
    WHERE (o.path, o.kind) IS DISTINCT FROM (n.path, n.kind)
    UNION ALL
    SELECT n.tenant_id, n.id, n.path, n.kind, 1
    FROM old_nodes o JOIN new_nodes n ON n.tenant_id = o.tenant_id AND n.id = o.id
    WHERE (o.path, o.kind) IS DISTINCT FROM (n.path, n.kind)
  ) x
  LEFT JOIN territory_household_count h ON h.tenant_id = x.tenant_id AND h.household_id = x.id;
  RETURN NULL;
END;
$$;

-- Nodes deleted (a merge deletes its source once everything has left it).
CREATE FUNCTION territory_rollup_on_node_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_apply(array_agg(o.tenant_id), array_agg(o.path), array_agg(o.kind::text), array_agg(-1),
    array_agg(coalesce(h.residents, 0)), array_agg(coalesce(h.party_members, 0)))
  FROM old_nodes o LEFT JOIN territory_household_count h ON h.tenant_id = o.tenant_id AND h.household_id = o.id;
  DELETE FROM territory_rollup t USING old_nodes o WHERE t.tenant_id = o.tenant_id AND t.node_id = o.id;
  DELETE FROM territory_household_count h USING old_nodes o WHERE h.tenant_id = o.tenant_id AND h.household_id = o.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER territory_rollup_insert AFTER INSERT ON territory_node
  REFERENCING NEW TABLE AS new_nodes FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_node_insert();
CREATE TRIGGER territory_rollup_update AFTER UPDATE ON territory_node
  REFERENCING OLD TABLE AS old_nodes NEW TABLE AS new_nodes FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_node_update();
CREATE TRIGGER territory_rollup_delete AFTER DELETE ON territory_node
  REFERENCING OLD TABLE AS old_nodes FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_node_delete();

-- Recounts the given households from their resident rows, stores the counts and sends the
-- differences up the tree.
CREATE FUNCTION territory_rollup_recount(p_tenant text[], p_household uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_tenant text[];
  v_household uuid[];
  v_residents integer[];
  v_party_members integer[];
BEGIN
  SELECT array_agg(h.tenant_id), array_agg(h.household_id),
    array_agg((SELECT count(*) FROM resident r
      WHERE r.tenant_id = h.tenant_id AND r.household_id = h.household_id AND r.moved_out_at IS NULL)::int),
    array_agg((SELECT count(*) FROM resident r
      WHERE r.tenant_id = h.tenant_id AND r.household_id = h.household_id AND r.moved_out_at IS NULL
        AND (r.is_party_member OR EXISTS (SELECT 1 FROM party_member pm WHERE pm.tenant_id = r.tenant_id AND pm.resident_id = r.id)))::int)
  INTO v_tenant, v_household, v_residents, v_party_members
  FROM (SELECT DISTINCT u.tenant_id, u.household_id FROM unnest(p_tenant, p_household) AS u (tenant_id, household_id)
        WHERE u.household_id IS NOT NULL) h;
  IF v_tenant IS NULL THEN RETURN; END IF;
  PERFORM territory_rollup_apply(array_agg(f.tenant_id), array_agg(n.path), array_agg(NULL::text), array_agg(1),
    array_agg(f.residents - coalesce(c.residents, 0)), array_agg(f.party_members - coalesce(c.party_members, 0)))
  FROM unnest(v_tenant, v_household, v_residents, v_party_members) AS f (tenant_id, household_id, residents, party_members)
  JOIN territory_node n ON n.tenant_id = f.tenant_id AND n.id = f.household_id
  LEFT JOIN territory_household_count c ON c.tenant_id = f.tenant_id AND c.household_id = f.household_id
  WHERE (f.residents, f.party_members) IS DISTINCT FROM (c.residents, c.party_members);
  INSERT INTO territory_household_count AS c (tenant_id, household_id, residents, party_members)
  SELECT f.tenant_id, f.household_id, f.residents, f.party_members
  FROM unnest(v_tenant, v_household, v_residents, v_party_members) AS f (tenant_id, household_id, residents, party_members)
  ORDER BY 1, 2
  ON CONFLICT (tenant_id, household_id) DO UPDATE SET residents = excluded.residents, party_members = excluded.party_members;
END;
$$;

CREATE FUNCTION territory_rollup_on_resident_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(r.tenant_id), array_agg(r.household_id)) FROM new_residents r;
  RETURN NULL;
END;
$$;

-- Only a change of household, moving out (or back) or the party flag changes a count.
CREATE FUNCTION territory_rollup_on_resident_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(x.tenant_id), array_agg(x.household_id))
  FROM old_residents o JOIN new_residents n ON n.tenant_id = o.tenant_id AND n.id = o.id
  CROSS JOIN LATERAL (VALUES (o.tenant_id, o.household_id), (n.tenant_id, n.household_id)) AS x (tenant_id, household_id)
  WHERE (o.household_id, o.moved_out_at IS NULL, o.is_party_member) IS DISTINCT FROM (n.household_id, n.moved_out_at IS NULL, n.is_party_member);
  RETURN NULL;
END;
$$;

CREATE FUNCTION territory_rollup_on_resident_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(r.tenant_id), array_agg(r.household_id)) FROM old_residents r;
  RETURN NULL;
END;
$$;

CREATE TRIGGER territory_rollup_resident_insert AFTER INSERT ON resident
  REFERENCING NEW TABLE AS new_residents FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_resident_insert();
CREATE TRIGGER territory_rollup_resident_update AFTER UPDATE ON resident
  REFERENCING OLD TABLE AS old_residents NEW TABLE AS new_residents FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_resident_update();
CREATE TRIGGER territory_rollup_resident_delete AFTER DELETE ON resident
  REFERENCING OLD TABLE AS old_residents FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_resident_delete();

-- A party_member row added, removed or given to another resident: the residents' households are recounted.
CREATE FUNCTION territory_rollup_on_member_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(r.tenant_id), array_agg(r.household_id))
  FROM new_members m JOIN resident r ON r.tenant_id = m.tenant_id AND r.id = m.resident_id;
  RETURN NULL;
END;
$$;

CREATE FUNCTION territory_rollup_on_member_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(r.tenant_id), array_agg(r.household_id))
  FROM old_members o JOIN new_members n ON n.tenant_id = o.tenant_id AND n.id = o.id
  JOIN resident r ON r.tenant_id = o.tenant_id AND r.id IN (o.resident_id, n.resident_id)
  WHERE o.resident_id IS DISTINCT FROM n.resident_id;
  RETURN NULL;
END;
$$;

CREATE FUNCTION territory_rollup_on_member_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM territory_rollup_recount(array_agg(r.tenant_id), array_agg(r.household_id))
  FROM old_members m JOIN resident r ON r.tenant_id = m.tenant_id AND r.id = m.resident_id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER territory_rollup_member_insert AFTER INSERT ON party_member
  REFERENCING NEW TABLE AS new_members FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_member_insert();
CREATE TRIGGER territory_rollup_member_update AFTER UPDATE ON party_member
  REFERENCING OLD TABLE AS old_members NEW TABLE AS new_members FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_member_update();
CREATE TRIGGER territory_rollup_member_delete AFTER DELETE ON party_member
  REFERENCING OLD TABLE AS old_members FOR EACH STATEMENT EXECUTE FUNCTION territory_rollup_on_member_delete();

-- Recomputes the rollup of a tenant from the base tables (after a repair, and for the data that
-- existed before this migration).
CREATE FUNCTION territory_rollup_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM territory_rollup WHERE tenant_id = p_tenant;
  DELETE FROM territory_household_count WHERE tenant_id = p_tenant;
  INSERT INTO territory_household_count (tenant_id, household_id, residents, party_members)
  SELECT r.tenant_id, r.household_id, count(*)::int,
    count(*) FILTER (WHERE r.is_party_member OR EXISTS (
      SELECT 1 FROM party_member pm WHERE pm.tenant_id = r.tenant_id AND pm.resident_id = r.id))::int
  FROM resident r WHERE r.tenant_id = p_tenant AND r.moved_out_at IS NULL
  GROUP BY 1, 2;
  INSERT INTO territory_rollup (tenant_id, node_id, subdistricts, communities, compounds, buildings, entrances,
    households, residents, party_members)
  SELECT n.tenant_id, ltree2text(subpath(n.path, k, 1))::uuid,
    count(*) FILTER (WHERE n.kind = 'subdistrict'), count(*) FILTER (WHERE n.kind = 'community'),
    count(*) FILTER (WHERE n.kind = 'compound'), count(*) FILTER (WHERE n.kind = 'building'),
    count(*) FILTER (WHERE n.kind = 'entrance'), count(*) FILTER (WHERE n.kind = 'household'),
    coalesce(sum(h.residents), 0), coalesce(sum(h.party_members), 0)
  FROM territory_node n
  LEFT JOIN territory_household_count h ON h.tenant_id = n.tenant_id AND h.household_id = n.id
  CROSS JOIN LATERAL generate_series(0, nlevel(n.path) - 1) AS k
  WHERE n.tenant_id = p_tenant
  GROUP BY 1, 2;
END;
$$;

SELECT territory_rollup_rebuild(tenant_id) FROM tenant;
