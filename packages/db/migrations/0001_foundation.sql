-- Linli foundation: tenants, national divisions, territory tree, accounts and role grants, sessions,
-- audit trail, outbox, counters and import jobs.
--
-- Citus rule: every tenant-owned table has tenant_id as the first column of its primary key and of
-- every foreign key between tenant-owned tables. Global reference tables say so in their comment
-- ('scope: global'); a test checks both rules against the migrated catalogue.

CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- National statistical division codes (GB/T 2260 and NBS 9/12-digit codes), shared by all tenants.
CREATE TABLE division (
  code        text PRIMARY KEY CHECK (code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('county', 'subdistrict', 'community')),
  parent_code text REFERENCES division (code),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE division IS 'scope: global';

CREATE TABLE tenant (
  tenant_id     text PRIMARY KEY CHECK (tenant_id ~ '^[0-9]{6}$'),
  name          text NOT NULL,
  settings      jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Per-tenant counters for human-readable numbers (e.g. demand numbers quoted on the phone).
CREATE TABLE counter (
  tenant_id text NOT NULL REFERENCES tenant (tenant_id),
  name      text NOT NULL,
  value     bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (tenant_id, name)
);

-- Territory tree: county → subdistrict → community → compound → building → entrance → household.
-- path is the ltree of node ids (hex, no dashes) from the county down to the node itself.
CREATE TABLE territory_node (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  id          uuid NOT NULL,
  parent_id   uuid,
  kind        text NOT NULL CHECK (kind IN ('county', 'subdistrict', 'community', 'compound', 'building', 'entrance', 'household')),
  subkind     text,
  name        text NOT NULL CHECK (length(btrim(name)) > 0),
  code        text,
  path        ltree NOT NULL,
  depth       smallint NOT NULL,
  lat         double precision CHECK (lat BETWEEN -90 AND 90),
  lng         double precision CHECK (lng BETWEEN -180 AND 180),
  boundary    jsonb,
  attrs       jsonb NOT NULL DEFAULT '{}',
  sort_order  integer NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES territory_node (tenant_id, id),
  CHECK ((kind = 'county') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX territory_node_sibling_name ON territory_node (tenant_id, parent_id, name);
CREATE UNIQUE INDEX territory_node_code ON territory_node (tenant_id, code) WHERE code IS NOT NULL;
CREATE INDEX territory_node_path ON territory_node USING gist (path);
CREATE INDEX territory_node_kind ON territory_node (tenant_id, kind);
CREATE INDEX territory_node_name_trgm ON territory_node USING gin (name gin_trgm_ops);

-- Accounts are looked up by user name before the tenant is known (login), so they are a global
-- reference table; every grant, session use and audit record below is tenant-scoped.
CREATE TABLE account (
  id                   uuid PRIMARY KEY,
  tenant_id            text NOT NULL,
  username             text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9_.@-]{3,64}$'),
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT false,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE account IS 'scope: global';

-- A role granted on a territory subtree (the node and everything under it).
CREATE TABLE role_grant (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  id          uuid NOT NULL,
  account_id  uuid NOT NULL REFERENCES account (id),
  role        text NOT NULL,
  node_id     uuid NOT NULL,
  granted_by  uuid,
  granted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);
CREATE UNIQUE INDEX role_grant_unique ON role_grant (tenant_id, account_id, role, node_id);
CREATE INDEX role_grant_account ON role_grant (account_id);

-- Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256.
CREATE TABLE session (
  token_hash    text PRIMARY KEY,
  account_id    uuid NOT NULL REFERENCES account (id),
  tenant_id     text NOT NULL,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  client_ip     text,
  user_agent    text
);
COMMENT ON TABLE session IS 'scope: global';
CREATE INDEX session_account ON session (account_id);

-- Audit trail: append-only, hash-chained per tenant (seq 1, 2, 3 … with prev_hash → hash).
CREATE TABLE audit_head (
  tenant_id text PRIMARY KEY REFERENCES tenant (tenant_id),
  seq       bigint NOT NULL DEFAULT 0,
  hash      text NOT NULL DEFAULT ''
);

CREATE TABLE audit_event (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  seq          bigint NOT NULL,
  at           timestamptz NOT NULL,
  actor_id     uuid,
  actor_name   text,
  action       text NOT NULL,
  target_type  text,
  target_id    text,
  result       text NOT NULL CHECK (result IN ('ok', 'denied', 'failed')),
  client_ip    text,
  details      jsonb NOT NULL DEFAULT '{}',
  prev_hash    text NOT NULL,
  hash         text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE INDEX audit_event_at ON audit_event (tenant_id, at DESC);
CREATE INDEX audit_event_actor ON audit_event (tenant_id, actor_id, at DESC);
CREATE INDEX audit_event_target ON audit_event (tenant_id, target_type, target_id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Domain events, written in the same transaction as the change; delivered after commit.
CREATE TABLE outbox_event (
  tenant_id      text NOT NULL REFERENCES tenant (tenant_id),
  id             uuid NOT NULL,
  type           text NOT NULL,
  aggregate_type text NOT NULL,
  aggregate_id   text NOT NULL,
  payload        jsonb NOT NULL DEFAULT '{}',
  created_at     timestamptz NOT NULL DEFAULT now(),
  published_at   timestamptz,
  attempts       integer NOT NULL DEFAULT 0,
  last_error     text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_event_pending ON outbox_event (created_at) WHERE published_at IS NULL;

-- Long-running imports report progress here (rows processed of total) and keep their error report.
CREATE TABLE import_job (
  tenant_id      text NOT NULL REFERENCES tenant (tenant_id),
  id             uuid NOT NULL,
  kind           text NOT NULL,
  file_name      text NOT NULL,
  status         text NOT NULL CHECK (status IN ('validating', 'importing', 'succeeded', 'failed')),
  total_rows     integer NOT NULL DEFAULT 0,
  processed_rows integer NOT NULL DEFAULT 0,
  created_rows   integer NOT NULL DEFAULT 0,
  updated_rows   integer NOT NULL DEFAULT 0,
  errors         jsonb NOT NULL DEFAULT '[]',
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  finished_at    timestamptz,
  PRIMARY KEY (tenant_id, id)
);
