-- service-clusters: scenarios of the cluster planner (组团 / 肥瘦搭配). Tenant-owned (Citus-ready):
-- tenant_id first in every primary key and every foreign key.
--
-- A scenario keeps its place, its parameters (cost parameters, bounds, reach, time limit), the
-- compounds' economics as they were when it was made (inputs), and the last plan: its clusters and
-- their members. Compound ids inside a scenario are a snapshot (no foreign key): the plan stays
-- readable as it was made even when the territory changes later.
CREATE TABLE cluster_scenario (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  parameters jsonb NOT NULL,
  inputs jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'solving', 'solved', 'failed', 'adopted', 'superseded')),
  solver_status text CHECK (solver_status IN ('optimal', 'time_limit', 'infeasible')),
  failure text,
  gap double precision,
  solve_ms integer,
  solve_started_at timestamptz,
  solved_at timestamptz,
  totals jsonb,
  adopted_at timestamptz,
  adopted_by uuid,
  superseded_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX cluster_scenario_node ON cluster_scenario (tenant_id, node_id, created_at DESC, id DESC);
CREATE INDEX cluster_scenario_status ON cluster_scenario (tenant_id, status);

-- The clusters of a scenario's last plan, each served by one company from its anchor compound.
CREATE TABLE cluster_scenario_cluster (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  scenario_id uuid NOT NULL,
  position integer NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  anchor_compound_id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('single', 'one_to_one', 'one_to_many')),
  households integer NOT NULL,
  area_m2 double precision NOT NULL,
  revenue double precision NOT NULL,
  cost double precision NOT NULL,
  margin double precision NOT NULL,
  subsidy double precision NOT NULL,
  max_distance_km double precision NOT NULL,
  company_id uuid,
  service_mode text,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES cluster_scenario (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cluster_scenario_cluster_scenario ON cluster_scenario_cluster (tenant_id, scenario_id, position);

-- Which compound is in which cluster, with its distance to the anchor.
CREATE TABLE cluster_scenario_member (
  tenant_id text NOT NULL,
  scenario_id uuid NOT NULL,
  compound_id uuid NOT NULL,
  cluster_id uuid NOT NULL,
  distance_km double precision NOT NULL,
  PRIMARY KEY (tenant_id, scenario_id, compound_id),
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES cluster_scenario (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, cluster_id) REFERENCES cluster_scenario_cluster (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX cluster_scenario_member_cluster ON cluster_scenario_member (tenant_id, cluster_id);

-- Hand-made locks: a compound pinned to an anchor compound's cluster, kept when re-solving.
CREATE TABLE cluster_scenario_lock (
  tenant_id text NOT NULL,
  scenario_id uuid NOT NULL,
  compound_id uuid NOT NULL,
  anchor_compound_id uuid NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, scenario_id, compound_id),
  FOREIGN KEY (tenant_id, scenario_id) REFERENCES cluster_scenario (tenant_id, id) ON DELETE CASCADE
);
