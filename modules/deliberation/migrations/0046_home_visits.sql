-- Quarterly full-coverage home visits (每季度开展1次全覆盖入户走访): one visit plan per grid and
-- quarter, and per plan one visit record per household — the latest outcome, with every attempt kept
-- in deliberation_visit_attempt (a household not at home in the first round and seen in the second
-- counts as visited once). Which households a grid covers is not copied: it is read live from the
-- grid's buildings (grids module), so the coverage follows the grid as it is kept.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.

CREATE TABLE deliberation_visit_plan (
  tenant_id  text NOT NULL,
  id         uuid NOT NULL,
  grid_id    uuid NOT NULL,
  -- 'YYYY-Qn', the calendar quarter in China time.
  quarter    text NOT NULL CHECK (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, grid_id, quarter),
  FOREIGN KEY (tenant_id, grid_id) REFERENCES grid (tenant_id, id)
);
CREATE INDEX deliberation_visit_plan_quarter ON deliberation_visit_plan (tenant_id, quarter);

CREATE TABLE deliberation_visit (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  plan_id      uuid NOT NULL,
  household_id uuid NOT NULL,
  visited_on   date NOT NULL,
  -- The staff account that made the visit (the one who recorded it) and its name at the time.
  visitor_id   uuid,
  visitor_name text,
  outcome      text NOT NULL CHECK (outcome IN ('visited', 'not_home', 'refused')),
  -- What the household raised (诉求、意见、建议), free text; only a visit made can raise something.
  raised       text CHECK (raised IS NULL OR (length(raised) BETWEEN 1 AND 2000)),
  -- The topic taken into the pool from what was raised (source home_visit).
  topic_id     uuid,
  attempts     integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  version      integer NOT NULL DEFAULT 1,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, plan_id, household_id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES deliberation_visit_plan (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, topic_id) REFERENCES deliberation_topic (tenant_id, id),
  CHECK (outcome = 'visited' OR raised IS NULL)
);
CREATE INDEX deliberation_visit_household ON deliberation_visit (tenant_id, household_id);
CREATE UNIQUE INDEX deliberation_visit_topic ON deliberation_visit (tenant_id, topic_id) WHERE topic_id IS NOT NULL;

-- Every attempt at a household, in order: the visit row holds the latest.
CREATE TABLE deliberation_visit_attempt (
  tenant_id    text NOT NULL,
  visit_id     uuid NOT NULL,
  seq          integer NOT NULL CHECK (seq >= 1),
  visited_on   date NOT NULL,
  visitor_id   uuid,
  visitor_name text,
  outcome      text NOT NULL CHECK (outcome IN ('visited', 'not_home', 'refused')),
  raised       text,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, visit_id, seq),
  FOREIGN KEY (tenant_id, visit_id) REFERENCES deliberation_visit (tenant_id, id) ON DELETE CASCADE
);
