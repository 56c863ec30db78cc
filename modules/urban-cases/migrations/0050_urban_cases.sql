-- urban-cases (issue 14 §6): 城管进小区 cases in compounds and 老旧小区改造 renovation projects.
-- Tenant-owned (Citus-ready): tenant_id first in the primary key and in every foreign key.

-- A case of urban management in a compound (or one of its buildings): what kind, how much, who
-- enforces it, and its status reported → assigned → closed. Quantities in the kind's unit
-- (m² of illegal structures removed, tonnes of rubbish, parking spaces, chargers, items of clutter).
CREATE TABLE urban_case (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('illegal_structure', 'rubbish', 'parking', 'charger', 'clutter')),
  node_id       uuid NOT NULL,
  description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 2000),
  quantity      numeric(12, 2) CHECK (quantity > 0),
  department_id uuid,
  status        text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported', 'assigned', 'closed')),
  source        text NOT NULL CHECK (source IN ('staff', 'resident')),
  reported_by   uuid,
  reported_at   timestamptz NOT NULL DEFAULT now(),
  assigned_at   timestamptz,
  closed_at     timestamptz,
  version       integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES department (tenant_id, id),
  CHECK (status <> 'closed' OR (closed_at IS NOT NULL AND quantity IS NOT NULL)),
  CHECK (status = 'reported' OR department_id IS NOT NULL)
);
CREATE INDEX urban_case_reported ON urban_case (tenant_id, reported_at DESC, id DESC);
CREATE INDEX urban_case_closed ON urban_case (tenant_id, kind, closed_at) WHERE status = 'closed';
CREATE INDEX urban_case_node ON urban_case (tenant_id, node_id);
CREATE INDEX urban_case_reporter ON urban_case (tenant_id, reported_by, reported_at DESC);

-- The timeline of a case: each step with who made it and a note.
CREATE TABLE urban_case_event (
  tenant_id   text NOT NULL,
  id          uuid NOT NULL,
  case_id     uuid NOT NULL,
  action      text NOT NULL CHECK (action IN ('report', 'assign', 'close', 'photo')),
  from_status text,
  to_status   text NOT NULL,
  note        text CHECK (length(note) <= 2000),
  actor_id    uuid,
  actor_name  text,
  at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES urban_case (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX urban_case_event_case ON urban_case_event (tenant_id, case_id, at, id);

-- Before and after photos of a case: the bytes in the file store under storage_key, what they are here.
CREATE TABLE urban_case_photo (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  case_id      uuid NOT NULL,
  stage        text NOT NULL CHECK (stage IN ('before', 'after')),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL CHECK (size > 0),
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  uploaded_by  uuid,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES urban_case (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX urban_case_photo_case ON urban_case_photo (tenant_id, case_id, uploaded_at);

-- A renovation project of old compounds (老旧小区改造): held at a place (the community, subdistrict
-- or county containing its compounds), with scope items, budget, status planned → in_progress →
-- accepted, the residents' consultation (a deliberation topic) and the acceptance (验收).
CREATE TABLE urban_renovation (
  tenant_id       text NOT NULL,
  id              uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  node_id         uuid NOT NULL,
  scope_items     text[] NOT NULL DEFAULT '{}',
  scope_note      text CHECK (length(scope_note) <= 2000),
  budget          numeric(14, 2) NOT NULL CHECK (budget >= 0),
  status          text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in_progress', 'accepted')),
  topic_id        uuid,
  accepted_on     date,
  acceptance_note text CHECK (length(acceptance_note) <= 2000),
  created_by      uuid,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  CHECK (status <> 'accepted' OR accepted_on IS NOT NULL)
);
CREATE INDEX urban_renovation_list ON urban_renovation (tenant_id, created_at DESC, id DESC);
CREATE INDEX urban_renovation_accepted ON urban_renovation (tenant_id, accepted_on) WHERE status = 'accepted';

-- The compounds a project renovates.
CREATE TABLE urban_renovation_compound (
  tenant_id   text NOT NULL,
  project_id  uuid NOT NULL,
  compound_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, project_id, compound_id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES urban_renovation (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX urban_renovation_compound_node ON urban_renovation_compound (tenant_id, compound_id);

-- Where the money comes from (central, provincial, county funds, owners, companies, others): they sum to the budget.
CREATE TABLE urban_renovation_funding (
  tenant_id  text NOT NULL,
  project_id uuid NOT NULL,
  source     text NOT NULL CHECK (source IN ('central', 'provincial', 'county', 'owners', 'companies', 'other')),
  amount     numeric(14, 2) NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (tenant_id, project_id, source),
  FOREIGN KEY (tenant_id, project_id) REFERENCES urban_renovation (tenant_id, id) ON DELETE CASCADE
);

-- The phases of a project with planned and actual dates.
CREATE TABLE urban_renovation_phase (
  tenant_id     text NOT NULL,
  project_id    uuid NOT NULL,
  seq           integer NOT NULL CHECK (seq >= 1),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  planned_start date,
  planned_end   date,
  actual_start  date,
  actual_end    date,
  PRIMARY KEY (tenant_id, project_id, seq),
  FOREIGN KEY (tenant_id, project_id) REFERENCES urban_renovation (tenant_id, id) ON DELETE CASCADE,
  CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start),
  CHECK (actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start)
);

-- Photos of a project: before (问题小区), after (花园小区) and of the acceptance.
CREATE TABLE urban_renovation_photo (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  project_id   uuid NOT NULL,
  stage        text NOT NULL CHECK (stage IN ('before', 'after', 'acceptance')),
  caption      text CHECK (length(caption) <= 200),
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL CHECK (size > 0),
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  uploaded_by  uuid,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES urban_renovation (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX urban_renovation_photo_project ON urban_renovation_photo (tenant_id, project_id, stage, uploaded_at);
