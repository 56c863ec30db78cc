-- A callback counts only with its outcome: the reporter reached and saying how satisfied they are,
-- or not reached with the reason in the note (the rule record-callback enforces since the traps
-- review). Callbacks stored before that rule with neither (the old form's defaults: reached, nothing
-- else) are history and stay, but they no longer take a demand off 待回访 nor count toward 回访率:
--   - demand_callback.has_outcome, generated from the row;
--   - the rollup functions of 0009 and the first-callback trigger of 0014 look only at callbacks
--     with an outcome;
--   - demand.callback_at is recomputed from those, and every tenant's KPI rollup rebuilt.
ALTER TABLE demand_callback ADD COLUMN has_outcome boolean NOT NULL
  GENERATED ALWAYS AS ((reached AND satisfaction IS NOT NULL) OR (NOT reached AND coalesce(btrim(note), '') <> '')) STORED;

CREATE OR REPLACE FUNCTION demand_kpi_apply(d demand, sign integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  covered boolean;
BEGIN
  IF d.status = 'merged' THEN RETURN; END IF;
  covered := d.resolved_at IS NOT NULL
    AND EXISTS (SELECT 1 FROM demand_callback c WHERE c.tenant_id = d.tenant_id AND c.demand_id = d.id AND c.has_outcome);
  INSERT INTO demand_kpi_month AS k (tenant_id, month, place_path, level, unit_id, submitted, accepted, responded,
    responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied, handling_seconds, callback_covered)
  VALUES (d.tenant_id,
    date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date,
    subpath(d.node_path, 0, least(nlevel(d.node_path), 4)),
    d.level,
    coalesce(d.handling_node_id, d.handling_department_id, '00000000-0000-0000-0000-000000000000'),
    sign,
    sign * (d.status NOT IN ('submitted', 'rejected'))::int,
    sign * (d.responded_at IS NOT NULL)::int,
    sign * coalesce(d.responded_at <= d.response_due_at, false)::int,
    sign * (d.resolved_at IS NOT NULL)::int,
    sign * (d.status = 'closed')::int,
    sign * coalesce(d.resolved_at <= d.resolve_due_at, false)::int,
    sign * (d.satisfaction IS NOT NULL)::int,
    sign * coalesce(d.satisfaction IN ('satisfied', 'basically_satisfied'), false)::int,
    sign * coalesce(extract(epoch FROM d.resolved_at - d.submitted_at), 0),
    sign * covered::int)
  ON CONFLICT (tenant_id, month, place_path, level, unit_id) DO UPDATE SET
    submitted = k.submitted + excluded.submitted,
    accepted = k.accepted + excluded.accepted,
    responded = k.responded + excluded.responded,
    responded_on_time = k.responded_on_time + excluded.responded_on_time,
    resolved = k.resolved + excluded.resolved,
    closed = k.closed + excluded.closed,
    resolved_on_time = k.resolved_on_time + excluded.resolved_on_time,
    evaluated = k.evaluated + excluded.evaluated,
    satisfied = k.satisfied + excluded.satisfied,
    handling_seconds = k.handling_seconds + excluded.handling_seconds,
    callback_covered = k.callback_covered + excluded.callback_covered;
  INSERT INTO demand_kpi_category_month AS k (tenant_id, month, area_path, category_id, channel, level, submitted, accepted,
    responded, responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied, handling_seconds, callback_covered)
  SELECT d.tenant_id, date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date,
    subpath(d.node_path, 0, least(nlevel(d.node_path), 2)), d.category_id, d.channel, d.level,
    m.submitted, m.accepted, m.responded, m.responded_on_time, m.resolved, m.closed, m.resolved_on_time, m.evaluated,
    m.satisfied, m.handling_seconds, m.callback_covered
  FROM (SELECT sign AS submitted,
      sign * (d.status NOT IN ('submitted', 'rejected'))::int AS accepted,
      sign * (d.responded_at IS NOT NULL)::int AS responded,
      sign * coalesce(d.responded_at <= d.response_due_at, false)::int AS responded_on_time,
      sign * (d.resolved_at IS NOT NULL)::int AS resolved,
      sign * (d.status = 'closed')::int AS closed,
      sign * coalesce(d.resolved_at <= d.resolve_due_at, false)::int AS resolved_on_time,
      sign * (d.satisfaction IS NOT NULL)::int AS evaluated,
      sign * coalesce(d.satisfaction IN ('satisfied', 'basically_satisfied'), false)::int AS satisfied,
      sign * coalesce(extract(epoch FROM d.resolved_at - d.submitted_at), 0) AS handling_seconds,
      sign * covered::int AS callback_covered) m
  ON CONFLICT (tenant_id, month, area_path, category_id, channel, level) DO UPDATE SET
    submitted = k.submitted + excluded.submitted,
    accepted = k.accepted + excluded.accepted,
    responded = k.responded + excluded.responded,
    responded_on_time = k.responded_on_time + excluded.responded_on_time,
    resolved = k.resolved + excluded.resolved,
    closed = k.closed + excluded.closed,
    resolved_on_time = k.resolved_on_time + excluded.resolved_on_time,
    evaluated = k.evaluated + excluded.evaluated,
    satisfied = k.satisfied + excluded.satisfied,
    handling_seconds = k.handling_seconds + excluded.handling_seconds,
    callback_covered = k.callback_covered + excluded.callback_covered;
END;
$$;

CREATE OR REPLACE FUNCTION demand_kpi_on_callback() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d demand;
BEGIN
  IF current_setting('linli.kpi_rollup', true) = 'off' THEN RETURN NEW; END IF;
  -- A BEFORE trigger sees no generated column yet: the outcome rule is spelt out (same as has_outcome).
  IF NOT ((NEW.reached AND NEW.satisfaction IS NOT NULL) OR (NOT NEW.reached AND coalesce(btrim(NEW.note), '') <> '')) THEN
    RETURN NEW;
  END IF;
  IF EXISTS (SELECT 1 FROM demand_callback c WHERE c.tenant_id = NEW.tenant_id AND c.demand_id = NEW.demand_id AND c.has_outcome) THEN
    RETURN NEW;
  END IF;
  SELECT * INTO d FROM demand WHERE tenant_id = NEW.tenant_id AND id = NEW.demand_id;
  IF FOUND AND d.resolved_at IS NOT NULL AND d.status <> 'merged' THEN
    UPDATE demand_kpi_month SET callback_covered = callback_covered + 1
    WHERE tenant_id = d.tenant_id
      AND month = date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date
      AND place_path = subpath(d.node_path, 0, least(nlevel(d.node_path), 4))
      AND level = d.level
      AND unit_id = coalesce(d.handling_node_id, d.handling_department_id, '00000000-0000-0000-0000-000000000000');
    UPDATE demand_kpi_category_month SET callback_covered = callback_covered + 1
    WHERE tenant_id = d.tenant_id
      AND month = date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date
      AND area_path = subpath(d.node_path, 0, least(nlevel(d.node_path), 2))
      AND category_id = d.category_id AND channel = d.channel AND level = d.level;
  END IF;
  RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION demand_kpi_rebuild(p_tenant text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM demand_kpi_month WHERE tenant_id = p_tenant;
  DELETE FROM demand_kpi_category_month WHERE tenant_id = p_tenant;
  CREATE TEMP TABLE demand_kpi_rows ON COMMIT DROP AS
  SELECT d.tenant_id,
    date_trunc('month', d.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS month,
    subpath(d.node_path, 0, least(nlevel(d.node_path), 4)) AS place_path,
    subpath(d.node_path, 0, least(nlevel(d.node_path), 2)) AS area_path,
    d.level, coalesce(d.handling_node_id, d.handling_department_id, '00000000-0000-0000-0000-000000000000') AS unit_id,
    d.category_id, d.channel,
    (d.status NOT IN ('submitted', 'rejected'))::int AS accepted,
    (d.responded_at IS NOT NULL)::int AS responded,
    coalesce(d.responded_at <= d.response_due_at, false)::int AS responded_on_time,
    (d.resolved_at IS NOT NULL)::int AS resolved,
    (d.status = 'closed')::int AS closed,
    coalesce(d.resolved_at <= d.resolve_due_at, false)::int AS resolved_on_time,
    (d.satisfaction IS NOT NULL)::int AS evaluated,
    coalesce(d.satisfaction IN ('satisfied', 'basically_satisfied'), false)::int AS satisfied,
    coalesce(extract(epoch FROM d.resolved_at - d.submitted_at), 0)::float8 AS handling_seconds,
    (d.resolved_at IS NOT NULL AND EXISTS (
      SELECT 1 FROM demand_callback c WHERE c.tenant_id = d.tenant_id AND c.demand_id = d.id AND c.has_outcome))::int AS callback_covered
  FROM demand d
  WHERE d.tenant_id = p_tenant AND d.status <> 'merged';
  INSERT INTO demand_kpi_month (tenant_id, month, place_path, level, unit_id, submitted, accepted, responded,
    responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied, handling_seconds, callback_covered)
  SELECT tenant_id, month, place_path, level, unit_id, count(*), sum(accepted), sum(responded), sum(responded_on_time),
    sum(resolved), sum(closed), sum(resolved_on_time), sum(evaluated), sum(satisfied), sum(handling_seconds), sum(callback_covered)
  FROM demand_kpi_rows GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO demand_kpi_category_month (tenant_id, month, area_path, category_id, channel, level, submitted, accepted, responded,
    responded_on_time, resolved, closed, resolved_on_time, evaluated, satisfied, handling_seconds, callback_covered)
  SELECT tenant_id, month, area_path, category_id, channel, level, count(*), sum(accepted), sum(responded), sum(responded_on_time),
    sum(resolved), sum(closed), sum(resolved_on_time), sum(evaluated), sum(satisfied), sum(handling_seconds), sum(callback_covered)
  FROM demand_kpi_rows GROUP BY 1, 2, 3, 4, 5, 6;
  DROP TABLE demand_kpi_rows;
END;
$$;

CREATE OR REPLACE FUNCTION demand_callback_first() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT NEW.has_outcome THEN RETURN NULL; END IF;
  UPDATE demand SET callback_at = NEW.at
  WHERE tenant_id = NEW.tenant_id AND id = NEW.demand_id AND (callback_at IS NULL OR callback_at > NEW.at);
  RETURN NULL;
END;
$$;

UPDATE demand d SET callback_at = c.first_at
FROM (SELECT d2.tenant_id, d2.id, (SELECT min(cb.at) FROM demand_callback cb
        WHERE cb.tenant_id = d2.tenant_id AND cb.demand_id = d2.id AND cb.has_outcome) AS first_at
      FROM demand d2 WHERE d2.callback_at IS NOT NULL) c
WHERE d.tenant_id = c.tenant_id AND d.id = c.id AND d.callback_at IS DISTINCT FROM c.first_at;

SELECT demand_kpi_rebuild(tenant_id) FROM tenant;
