-- deliberation (议事协商), topic side: scope lists (正负面清单), the topic pool (议题库) with its
-- three banks, sources, support, screening, advisers of red projects, and the timeline of each topic.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.

-- The county's catalogue of topic kinds: allowed (正面清单) and excluded (负面清单), with where an
-- excluded kind is redirected (a demand in the closed loop, mediation, or elsewhere with a note).
CREATE TABLE deliberation_scope_kind (
  tenant_id text NOT NULL,
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  list text NOT NULL CHECK (list IN ('allowed', 'excluded')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  description text,
  redirect text CHECK (redirect IN ('demand', 'mediation', 'other')),
  active boolean NOT NULL DEFAULT true,
  position int NOT NULL DEFAULT 0,
  version int NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, code),
  CHECK ((list = 'excluded') = (redirect IS NOT NULL))
);

-- A station's own decision on a kind of the county list: taken up there or not (its own 清单).
CREATE TABLE deliberation_station_scope (
  tenant_id text NOT NULL,
  station_id uuid NOT NULL,
  code text NOT NULL,
  list text NOT NULL CHECK (list IN ('allowed', 'excluded')),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, station_id, code),
  FOREIGN KEY (tenant_id, code) REFERENCES deliberation_scope_kind (tenant_id, code)
);

-- Every change of a scope list, county or station: who, when, what was before and after.
CREATE TABLE deliberation_scope_change (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  station_id uuid,
  code text NOT NULL,
  action text NOT NULL CHECK (action IN ('create', 'update', 'override', 'clear_override')),
  before jsonb,
  after jsonb,
  actor_id uuid,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX deliberation_scope_change_at ON deliberation_scope_change (tenant_id, station_id, at DESC);

-- County settings of the topic pool: supports that put a topic forward, working days per level.
CREATE TABLE deliberation_setting (
  tenant_id text NOT NULL PRIMARY KEY,
  support_threshold int NOT NULL DEFAULT 10 CHECK (support_threshold BETWEEN 1 AND 10000),
  compound_days int NOT NULL DEFAULT 10 CHECK (compound_days BETWEEN 1 AND 365),
  community_days int NOT NULL DEFAULT 15 CHECK (community_days BETWEEN 1 AND 365),
  subdistrict_days int NOT NULL DEFAULT 20 CHECK (subdistrict_days BETWEEN 1 AND 365),
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A topic (议题). Its place is a compound, community or subdistrict; its bank (level) says which
-- council takes it: 小事小区办 / 大事社区办 / 难事街道办.
CREATE TABLE deliberation_topic (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  number text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
  source text NOT NULL CHECK (source IN ('demand', 'hot_spot', 'monthly_theme', 'resident', 'wish_box', 'bench_meeting', 'home_visit', 'wechat_group', 'staff')),
  source_note text,
  demand_id uuid,
  node_id uuid NOT NULL,
  node_path ltree NOT NULL,
  level text NOT NULL CHECK (level IN ('compound', 'community', 'subdistrict')),
  station_id uuid,
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'admissible', 'excluded', 'pooled', 'scheduled', 'deliberated',
    'adopted', 'rejected', 'deferred', 'escalated', 'implementing', 'completed', 'evaluated', 'published', 'closed', 'merged')),
  kind_code text,
  exclusion_reason text,
  redirect text CHECK (redirect IN ('demand', 'mediation', 'other')),
  redirect_note text,
  redirect_demand_id uuid,
  merged_into_id uuid,
  red_project boolean NOT NULL DEFAULT false,
  parties int,
  support_count int NOT NULL DEFAULT 0,
  proposer_account_id uuid,
  proposer_household_id uuid,
  due_at timestamptz,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  screened_at timestamptz,
  decided_at timestamptz,
  resolved_at timestamptz,
  satisfaction numeric(4, 3) CHECK (satisfaction BETWEEN 0 AND 1),
  created_by uuid,
  version int NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, number),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, kind_code) REFERENCES deliberation_scope_kind (tenant_id, code),
  FOREIGN KEY (tenant_id, merged_into_id) REFERENCES deliberation_topic (tenant_id, id)
);
CREATE INDEX deliberation_topic_path ON deliberation_topic USING gist (node_path);
CREATE INDEX deliberation_topic_status ON deliberation_topic (tenant_id, status, submitted_at DESC, id DESC);
CREATE INDEX deliberation_topic_demand ON deliberation_topic (tenant_id, demand_id) WHERE demand_id IS NOT NULL;

-- Where a topic came from: one row per source; merging moves the duplicate's sources to the survivor.
CREATE TABLE deliberation_topic_source (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  topic_id uuid NOT NULL,
  source text NOT NULL,
  note text,
  demand_id uuid,
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, topic_id) REFERENCES deliberation_topic (tenant_id, id)
);
CREATE INDEX deliberation_topic_source_topic ON deliberation_topic_source (tenant_id, topic_id);

-- Support from residents on their phones: one per household and topic (account_id: the resident's
-- account; null for supports counted on paper at a bench meeting and typed in).
CREATE TABLE deliberation_topic_support (
  tenant_id text NOT NULL,
  topic_id uuid NOT NULL,
  household_id uuid NOT NULL,
  account_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, topic_id, household_id),
  FOREIGN KEY (tenant_id, topic_id) REFERENCES deliberation_topic (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);

-- Professional advisers of a red project (红色项目): judges, lawyers, mediators.
CREATE TABLE deliberation_topic_adviser (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  topic_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('judge', 'prosecutor', 'police', 'lawyer', 'mediator', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  organisation text,
  added_by uuid,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, topic_id) REFERENCES deliberation_topic (tenant_id, id)
);

-- The timeline of a topic.
CREATE TABLE deliberation_topic_event (
  tenant_id text NOT NULL,
  topic_id uuid NOT NULL,
  seq int NOT NULL,
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  note text,
  data jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, topic_id, seq),
  FOREIGN KEY (tenant_id, topic_id) REFERENCES deliberation_topic (tenant_id, id)
);
