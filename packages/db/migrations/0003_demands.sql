-- Resident demands (诉求) in a closed loop: county departments as handling units, a per-tenant
-- category tree with its default handling level and deadlines, the demand itself with its
-- handling state, the full timeline, staff callbacks (回访) and idempotency keys of retried
-- submissions.
--
-- Scope: a demand carries the ltree path of its location node (node_path), of its handling unit
-- (handling_path: the territory node it is dispatched to, or the county root for a department) and
-- of its first receiver (first_receiver_path), copied when they are set, so the inbox and the KPIs
-- are `path <@ scope` on the demand row itself, without joins.

-- Time-ordered ids for rows created inside SQL (the default taxonomy); the application makes its
-- own UUIDv7. PostgreSQL 18 has uuidv7(), 15–17 do not, so it is written out once here.
CREATE FUNCTION linli_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;

-- County departments (住建局, 城管局 …) as handling units at the level 'department'.
CREATE TABLE department (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  id          uuid NOT NULL,
  code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name        text NOT NULL CHECK (length(btrim(name)) > 0),
  active      boolean NOT NULL DEFAULT true,
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX department_code ON department (tenant_id, code);
CREATE UNIQUE INDEX department_name ON department (tenant_id, name);

-- Category tree per tenant. default_level is where the tiered-handling rule sends a demand of this
-- category (小事小区办、大事社区办、难事街道办); for 'department' the default unit is
-- default_department_id. A subcategory without its own deadline rule uses its parent's.
CREATE TABLE demand_category (
  tenant_id              text NOT NULL REFERENCES tenant (tenant_id),
  id                     uuid NOT NULL,
  parent_id              uuid,
  code                   text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name                   text NOT NULL CHECK (length(btrim(name)) > 0),
  path                   ltree NOT NULL,
  default_level          text NOT NULL CHECK (default_level IN ('compound', 'community', 'subdistrict', 'department')),
  default_department_id  uuid,
  active                 boolean NOT NULL DEFAULT true,
  sort_order             integer NOT NULL DEFAULT 0,
  created_at             timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES demand_category (tenant_id, id),
  FOREIGN KEY (tenant_id, default_department_id) REFERENCES department (tenant_id, id),
  CHECK (default_level <> 'department' OR default_department_id IS NOT NULL)
);
CREATE UNIQUE INDEX demand_category_code ON demand_category (tenant_id, code);
CREATE UNIQUE INDEX demand_category_sibling_name ON demand_category (tenant_id, parent_id, name);
CREATE INDEX demand_category_path ON demand_category USING gist (path);

-- Response and resolution deadlines per category and urgency, in hours or working days.
CREATE TABLE demand_deadline_rule (
  tenant_id       text NOT NULL REFERENCES tenant (tenant_id),
  category_id     uuid NOT NULL,
  urgency         text NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
  response_value  integer NOT NULL CHECK (response_value > 0),
  response_unit   text NOT NULL CHECK (response_unit IN ('hours', 'working_days')),
  resolve_value   integer NOT NULL CHECK (resolve_value > 0),
  resolve_unit    text NOT NULL CHECK (resolve_unit IN ('hours', 'working_days')),
  PRIMARY KEY (tenant_id, category_id, urgency),
  FOREIGN KEY (tenant_id, category_id) REFERENCES demand_category (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE demand (
  tenant_id                 text NOT NULL REFERENCES tenant (tenant_id),
  id                        uuid NOT NULL,
  number                    text NOT NULL,
  channel                   text NOT NULL CHECK (channel IN ('hotline_12345', 'mobile', 'web', 'grid_visit', 'wish_box', 'bench_meeting', 'walk_in', 'petition', 'online_opinion')),
  type                      text NOT NULL CHECK (type IN ('enquiry', 'help', 'complaint', 'suggestion', 'report', 'praise')),
  category_id               uuid NOT NULL,
  urgency                   text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
  title                     text NOT NULL CHECK (length(btrim(title)) > 0),
  description               text NOT NULL CHECK (length(btrim(description)) > 0),
  -- Where: a territory node (down to a household), its path, and/or an address and coordinates.
  node_id                   uuid NOT NULL,
  node_path                 ltree NOT NULL,
  address                   text,
  lat                       double precision CHECK (lat BETWEEN -90 AND 90),
  lng                       double precision CHECK (lng BETWEEN -180 AND 180),
  -- Who: a resident account, a caller known by phone only, or nobody (anonymous).
  reporter_kind             text NOT NULL CHECK (reporter_kind IN ('resident', 'caller', 'anonymous')),
  reporter_account_id       uuid REFERENCES account (id),
  reporter_name             text,
  reporter_phone_enc        text,
  reporter_phone_hash       text,
  reporter_phone_masked     text,
  external_id               text,
  status                    text NOT NULL DEFAULT 'submitted' CHECK (status IN (
                              'submitted', 'accepted', 'rejected', 'returned', 'dispatched', 'in_progress',
                              'resolved', 'evaluated', 'closed', 'merged')),
  level                     text NOT NULL CHECK (level IN ('compound', 'community', 'subdistrict', 'department')),
  -- The handling unit: a territory node at the level, or a county department.
  handling_node_id          uuid,
  handling_department_id    uuid,
  handling_path             ltree,
  -- First-receiver responsibility (首接负责制): the unit that accepted stays accountable.
  first_receiver_node_id    uuid,
  first_receiver_path       ltree,
  response_due_at           timestamptz NOT NULL,
  resolve_due_at            timestamptz NOT NULL,
  extension_requested_until timestamptz,
  extension_reason          text,
  submitted_at              timestamptz NOT NULL DEFAULT now(),
  responded_at              timestamptz,
  dispatched_at             timestamptz,
  resolved_at               timestamptz,
  evaluated_at              timestamptz,
  closed_at                 timestamptz,
  result                    text,
  reject_reason             text,
  satisfaction              text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  supervised                boolean NOT NULL DEFAULT false,
  merged_into_id            uuid,
  reopen_count              integer NOT NULL DEFAULT 0,
  escalation_count          integer NOT NULL DEFAULT 0,
  created_by                uuid REFERENCES account (id),
  updated_at                timestamptz NOT NULL DEFAULT now(),
  version                   integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, category_id) REFERENCES demand_category (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, handling_node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, handling_department_id) REFERENCES department (tenant_id, id),
  FOREIGN KEY (tenant_id, first_receiver_node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_into_id) REFERENCES demand (tenant_id, id),
  CHECK (handling_node_id IS NULL OR handling_department_id IS NULL),
  CHECK ((reporter_kind = 'resident') = (reporter_account_id IS NOT NULL)),
  CHECK (reporter_kind <> 'caller' OR reporter_phone_hash IS NOT NULL),
  CHECK ((status = 'merged') = (merged_into_id IS NOT NULL)),
  CHECK (version > 0)
);
CREATE UNIQUE INDEX demand_number ON demand (tenant_id, number);
CREATE UNIQUE INDEX demand_external_id ON demand (tenant_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX demand_node_path ON demand USING gist (node_path);
CREATE INDEX demand_handling_path ON demand USING gist (handling_path);
CREATE INDEX demand_first_receiver_path ON demand USING gist (first_receiver_path);
CREATE INDEX demand_status ON demand (tenant_id, status, resolve_due_at);
CREATE INDEX demand_submitted ON demand (tenant_id, submitted_at);
CREATE INDEX demand_reporter ON demand (tenant_id, reporter_account_id) WHERE reporter_account_id IS NOT NULL;
CREATE INDEX demand_reporter_phone ON demand (tenant_id, reporter_phone_hash) WHERE reporter_phone_hash IS NOT NULL;

-- The timeline: every transition with its actor, from/to status, note and data, numbered per demand.
CREATE TABLE demand_event (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  demand_id    uuid NOT NULL,
  seq          integer NOT NULL CHECK (seq > 0),
  at           timestamptz NOT NULL DEFAULT now(),
  actor_id     uuid REFERENCES account (id),
  actor_name   text,
  action       text NOT NULL,
  from_status  text,
  to_status    text NOT NULL,
  note         text,
  data         jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, demand_id, seq),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id)
);

-- Staff phone callbacks (回访): reached or not, result confirmed, satisfaction, note.
CREATE TABLE demand_callback (
  tenant_id         text NOT NULL REFERENCES tenant (tenant_id),
  id                uuid NOT NULL,
  demand_id         uuid NOT NULL,
  at                timestamptz NOT NULL DEFAULT now(),
  actor_id          uuid REFERENCES account (id),
  reached           boolean NOT NULL,
  result_confirmed  boolean,
  satisfaction      text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  note              text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id)
);
CREATE INDEX demand_callback_demand ON demand_callback (tenant_id, demand_id);

-- Retried mobile submissions: the first response is kept under the client's key and replayed.
CREATE TABLE idempotency_key (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  key              text NOT NULL CHECK (length(key) BETWEEN 8 AND 200),
  actor_id         uuid,
  request_hash     text NOT NULL,
  response_status  integer,
  response_body    jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, key)
);
CREATE INDEX idempotency_key_created ON idempotency_key (created_at);

-- The default taxonomy of community affairs and the county departments it refers to, inserted for
-- a tenant (idempotent: an existing code is kept as the tenant edited it).
CREATE FUNCTION seed_demand_defaults(p_tenant text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  d record;
  c record;
  v_id uuid;
  v_parent uuid;
  v_parent_path ltree;
  v_dept uuid;
BEGIN
  FOR d IN SELECT * FROM (VALUES
      (1, 'housing', '住房和城乡建设局'),
      (2, 'urban_management', '综合行政执法局'),
      (3, 'environment', '生态环境局'),
      (4, 'public_security', '公安局'),
      (5, 'civil_affairs', '民政局'),
      (6, 'human_resources', '人力资源和社会保障局'),
      (7, 'market_regulation', '市场监督管理局'),
      (8, 'transport', '交通运输局'),
      (9, 'water', '水务局'),
      (10, 'emergency', '应急管理局'),
      (11, 'natural_resources', '自然资源和规划局')
    ) AS t(sort_order, code, name)
  LOOP
    INSERT INTO department (tenant_id, id, code, name, sort_order)
    VALUES (p_tenant, linli_uuid_v7(), d.code, d.name, d.sort_order)
    ON CONFLICT DO NOTHING;
  END LOOP;

  -- parent code ('' for a top category), code, name, default level, department code, sort order
  FOR c IN SELECT * FROM (VALUES
      ('', 'environment', '环境卫生', 'community', NULL, 1),
      ('environment', 'garbage', '垃圾清运', 'compound', NULL, 1),
      ('environment', 'corridor_clutter', '楼道堆物', 'compound', NULL, 2),
      ('environment', 'greenery', '绿化养护', 'compound', NULL, 3),
      ('environment', 'sewage_fumes', '污水油烟', 'department', 'environment', 4),
      ('', 'property', '物业管理', 'compound', NULL, 2),
      ('property', 'property_service', '物业服务', 'compound', NULL, 1),
      ('property', 'elevator', '电梯故障', 'compound', NULL, 2),
      ('property', 'property_fees', '物业收费', 'community', NULL, 3),
      ('property', 'maintenance_fund', '维修资金', 'subdistrict', NULL, 4),
      ('', 'parking', '停车管理', 'community', NULL, 3),
      ('parking', 'illegal_parking', '乱停乱放', 'compound', NULL, 1),
      ('parking', 'parking_space', '车位纠纷', 'compound', NULL, 2),
      ('parking', 'ev_charging', '充电设施', 'community', NULL, 3),
      ('', 'neighbourhood', '邻里纠纷', 'community', NULL, 4),
      ('neighbourhood', 'noise', '噪音扰民', 'compound', NULL, 1),
      ('neighbourhood', 'leakage', '漏水渗水', 'compound', NULL, 2),
      ('neighbourhood', 'pets', '宠物饲养', 'compound', NULL, 3),
      ('neighbourhood', 'family', '家庭矛盾', 'community', NULL, 4),
      ('', 'municipal', '市政设施', 'subdistrict', NULL, 5),
      ('municipal', 'road', '道路破损', 'department', 'transport', 1),
      ('municipal', 'street_light', '路灯照明', 'subdistrict', NULL, 2),
      ('municipal', 'water_supply', '供水排水', 'department', 'water', 3),
      ('municipal', 'manhole', '井盖缺失', 'subdistrict', NULL, 4),
      ('', 'safety', '安全隐患', 'community', NULL, 6),
      ('safety', 'fire_lane', '消防通道', 'compound', NULL, 1),
      ('safety', 'falling_objects', '高空坠物', 'compound', NULL, 2),
      ('safety', 'illegal_building', '违章搭建', 'department', 'urban_management', 3),
      ('safety', 'gas', '燃气安全', 'department', 'emergency', 4),
      ('', 'elderly', '养老服务', 'community', NULL, 7),
      ('elderly', 'home_care', '居家养老', 'community', NULL, 1),
      ('elderly', 'meal_aid', '助餐服务', 'community', NULL, 2),
      ('elderly', 'elderly_allowance', '高龄补贴', 'subdistrict', NULL, 3),
      ('', 'policy', '政策咨询', 'community', NULL, 8),
      ('policy', 'social_insurance', '社保医保', 'subdistrict', NULL, 1),
      ('policy', 'household_registration', '户籍证照', 'department', 'public_security', 2),
      ('policy', 'social_assistance', '低保救助', 'subdistrict', NULL, 3),
      ('policy', 'employment', '就业创业', 'subdistrict', NULL, 4),
      ('', 'other', '其他', 'community', NULL, 9)
    ) AS t(parent_code, code, name, level, dept_code, sort_order)
  LOOP
    IF EXISTS (SELECT 1 FROM demand_category WHERE tenant_id = p_tenant AND code = c.code) THEN CONTINUE; END IF;
    v_parent := NULL;
    v_parent_path := NULL;
    IF c.parent_code <> '' THEN
      SELECT id, path INTO v_parent, v_parent_path FROM demand_category WHERE tenant_id = p_tenant AND code = c.parent_code;
    END IF;
    v_dept := NULL;
    IF c.dept_code IS NOT NULL THEN
      SELECT id INTO v_dept FROM department WHERE tenant_id = p_tenant AND code = c.dept_code;
    END IF;
    v_id := linli_uuid_v7();
    INSERT INTO demand_category (tenant_id, id, parent_id, code, name, path, default_level, default_department_id, sort_order)
    VALUES (p_tenant, v_id, v_parent, c.code, c.name,
            CASE WHEN v_parent_path IS NULL THEN replace(v_id::text, '-', '')::ltree
                 ELSE v_parent_path || replace(v_id::text, '-', '') END,
            c.level, v_dept, c.sort_order);
    -- Top categories carry the rules; subcategories inherit them. Normal: answer within 24 hours,
    -- resolve within 5 working days; urgent: 2 hours / 24 hours; critical: 1 hour / 4 hours.
    IF c.parent_code = '' THEN
      INSERT INTO demand_deadline_rule (tenant_id, category_id, urgency, response_value, response_unit, resolve_value, resolve_unit)
      VALUES (p_tenant, v_id, 'normal', 24, 'hours', 5, 'working_days'),
             (p_tenant, v_id, 'urgent', 2, 'hours', 24, 'hours'),
             (p_tenant, v_id, 'critical', 1, 'hours', 4, 'hours');
    END IF;
  END LOOP;
END;
$$;

CREATE FUNCTION seed_demand_defaults_for_new_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM seed_demand_defaults(NEW.tenant_id);
  RETURN NEW;
END;
$$;

CREATE TRIGGER tenant_demand_defaults AFTER INSERT ON tenant
  FOR EACH ROW EXECUTE FUNCTION seed_demand_defaults_for_new_tenant();

SELECT seed_demand_defaults(tenant_id) FROM tenant;
