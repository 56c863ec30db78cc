-- Smart intake of demands: the per-tenant classifier that suggests category and handling level,
-- monthly themes (每月一题) made from hot spots, and indexes for the similar-demand look-up.

-- The trained classifier of a tenant: one row, replaced on every retrain. `model_id` is new on each
-- retrain, so a server process that cached the model notices a retrain by another process.
-- `stats` is what the status endpoint shows (version, trainedAt, source, sample size, held-out
-- accuracy of category and level with their majority baselines, vocabulary size); `model` holds
-- the two naive Bayes models (token counts per label) and is read only when a cache is cold.
CREATE TABLE demand_classifier (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  model_id     uuid NOT NULL,
  source       text NOT NULL CHECK (source IN ('tenant', 'builtin')),
  trained_at   timestamptz NOT NULL,
  trained_by   uuid REFERENCES account (id),
  sample_size  integer NOT NULL CHECK (sample_size >= 0),
  stats        jsonb NOT NULL,
  model        jsonb NOT NULL,
  PRIMARY KEY (tenant_id)
);

-- A monthly theme (每月一题): a recurring or rising problem of one category at one place, taken up
-- for proactive handling (未诉先办) in a month, then closed with its outcome. `evidence` keeps the
-- hot spot it was made from (count, baseline, kinds, score, reason) as it was then.
CREATE TABLE demand_theme (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  id           uuid NOT NULL,
  month        text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  node_id      uuid NOT NULL,
  node_path    ltree NOT NULL,
  category_id  uuid NOT NULL,
  title        text NOT NULL CHECK (length(btrim(title)) > 0),
  note         text,
  evidence     jsonb NOT NULL DEFAULT '{}',
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome      text,
  created_by   uuid REFERENCES account (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  closed_by    uuid REFERENCES account (id),
  closed_at    timestamptz,
  version      integer NOT NULL DEFAULT 1 CHECK (version > 0),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, category_id) REFERENCES demand_category (tenant_id, id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (status = 'open' OR length(btrim(outcome)) > 0)
);
-- One theme per place, month and category.
CREATE UNIQUE INDEX demand_theme_once ON demand_theme (tenant_id, node_id, month, category_id);
CREATE INDEX demand_theme_node_path ON demand_theme USING gist (node_path);
CREATE INDEX demand_theme_month ON demand_theme (tenant_id, month);

-- Similar open demands at a place (before a resident submits again, and at intake): only the open
-- ones are searched, so a partial index keeps the look-up small as closed demands pile up.
CREATE INDEX demand_open_node_path ON demand USING gist (node_path)
  WHERE status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress');
CREATE INDEX demand_open_point ON demand (tenant_id, lat, lng)
  WHERE lat IS NOT NULL AND status IN ('submitted', 'accepted', 'returned', 'dispatched', 'in_progress');
