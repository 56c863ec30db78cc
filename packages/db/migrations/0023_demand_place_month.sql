-- Demands per month of submission (Asia/Shanghai, 'YYYY-MM'), place and category, kept by the
-- writes: the counts the hot spots (热点) and the monthly theme (每月一题) rank.
--
-- Why: a county's hot spots counted a year of demand rows on every read (8–16 s on the demo county
-- in embedded mode before its tables had statistics, 0.7 s after; ~10^5 rows a year at 1,000,000
-- demands on PostgreSQL). Here a year of a county is a few thousand rows.
--
-- place_path is the location cut at the compound (county.subdistrict.community.compound), as in
-- demand_kpi_month (0009): places at compound or community level and subtrees down to a compound are
-- sums of these rows; a hot-spot report below a compound reads the demand rows. Duplicates (merged)
-- and rejected demands are not counted: they are not separate problems.
--
-- Kept by statement-level triggers with transition tables, so a bulk load or a bulk update costs one
-- aggregation per statement, whatever it does to the KPI switch (linli.kpi_rollup).

CREATE TABLE demand_place_month (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  month        text NOT NULL,
  place_path   ltree NOT NULL,
  category_id  uuid NOT NULL,
  demands      integer NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, month, place_path, category_id)
);

CREATE FUNCTION demand_place_month_apply(p_tenant text[], p_month text[], p_place ltree[], p_category uuid[], p_sign integer[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO demand_place_month AS m (tenant_id, month, place_path, category_id, demands)
  SELECT c.tenant_id, c.month, c.place_path, c.category_id, sum(c.sign)
  FROM unnest(p_tenant, p_month, p_place, p_category, p_sign) AS c (tenant_id, month, place_path, category_id, sign)
  GROUP BY 1, 2, 3, 4
  HAVING sum(c.sign) <> 0
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (tenant_id, month, place_path, category_id) DO UPDATE SET demands = m.demands + excluded.demands;
END;
$$;

CREATE FUNCTION demand_place_month_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM demand_place_month_apply(array_agg(d.tenant_id), array_agg(to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')),
    array_agg(subpath(d.node_path, 0, least(nlevel(d.node_path), 4))), array_agg(d.category_id), array_agg(1))
  FROM new_demands d WHERE d.status NOT IN ('merged', 'rejected');
  RETURN NULL;
END;
$$;

-- Only a change of status (to or from merged / rejected), place, category or time of submission moves a count.
CREATE FUNCTION demand_place_month_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM demand_place_month_apply(array_agg(x.tenant_id), array_agg(to_char(x.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')),
    array_agg(subpath(x.node_path, 0, least(nlevel(x.node_path), 4))), array_agg(x.category_id), array_agg(x.sign))
  FROM old_demands o JOIN new_demands n ON n.tenant_id = o.tenant_id AND n.id = o.id
  CROSS JOIN LATERAL (VALUES
    (o.tenant_id, o.submitted_at, o.node_path, o.category_id, -1, o.status NOT IN ('merged', 'rejected')),
    (n.tenant_id, n.submitted_at, n.node_path, n.category_id, 1, n.status NOT IN ('merged', 'rejected'))
  ) AS x (tenant_id, submitted_at, node_path, category_id, sign, counted)
  WHERE x.counted
    AND (o.status NOT IN ('merged', 'rejected'), o.node_path, o.category_id, o.submitted_at)
      IS DISTINCT FROM (n.status NOT IN ('merged', 'rejected'), n.node_path, n.category_id, n.submitted_at);
  RETURN NULL;
END;
$$;

CREATE FUNCTION demand_place_month_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM demand_place_month_apply(array_agg(d.tenant_id), array_agg(to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')),
    array_agg(subpath(d.node_path, 0, least(nlevel(d.node_path), 4))), array_agg(d.category_id), array_agg(-1))
  FROM old_demands d WHERE d.status NOT IN ('merged', 'rejected');
  RETURN NULL;
END;
$$;

CREATE TRIGGER demand_place_month_insert AFTER INSERT ON demand
  REFERENCING NEW TABLE AS new_demands FOR EACH STATEMENT EXECUTE FUNCTION demand_place_month_on_insert();
CREATE TRIGGER demand_place_month_update AFTER UPDATE ON demand
  REFERENCING OLD TABLE AS old_demands NEW TABLE AS new_demands FOR EACH STATEMENT EXECUTE FUNCTION demand_place_month_on_update();
CREATE TRIGGER demand_place_month_delete AFTER DELETE ON demand
  REFERENCING OLD TABLE AS old_demands FOR EACH STATEMENT EXECUTE FUNCTION demand_place_month_on_delete();

-- Recomputes a tenant's rows from the demand rows.
CREATE FUNCTION demand_place_month_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM demand_place_month WHERE tenant_id = p_tenant;
  INSERT INTO demand_place_month (tenant_id, month, place_path, category_id, demands)
  SELECT d.tenant_id, to_char(d.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
    subpath(d.node_path, 0, least(nlevel(d.node_path), 4)), d.category_id, count(*)
  FROM demand d WHERE d.tenant_id = p_tenant AND d.status NOT IN ('merged', 'rejected')
  GROUP BY 1, 2, 3, 4;
END;
$$;

SELECT demand_place_month_rebuild(tenant_id) FROM tenant;
