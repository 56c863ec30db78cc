-- property-evaluation: staff inspections (物业服务检查) with the county's checklist and photos, the
-- county's weights of the combined score, and the combined scores a round keeps when it closes.
-- Tenant-owned (Citus-ready): tenant_id first in every primary and foreign key.
-- After 0059, which creates the rounds: a round's kept result names its round by foreign key.

-- The county's checklist (检查项目): what an inspection checks, in order. An item is retired, never
-- deleted, so past inspections keep naming it.
CREATE TABLE property_inspection_item (
  tenant_id  text NOT NULL,
  id         uuid NOT NULL,
  label      text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  position   integer NOT NULL DEFAULT 0,
  active     boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX property_inspection_item_label ON property_inspection_item (tenant_id, label) WHERE active;

-- An inspection visit: which compound, the company serving it then (id and name as they were), who
-- inspected, the day, the result of every item (pass/fail, note) and a note.
CREATE TABLE property_inspection (
  tenant_id      text NOT NULL,
  id             uuid NOT NULL,
  compound_id    uuid NOT NULL,
  company_id     uuid,
  company_name   text,
  inspected_on   date NOT NULL,
  inspector_id   uuid,
  inspector_name text NOT NULL CHECK (length(inspector_name) BETWEEN 1 AND 100),
  note           text CHECK (length(note) <= 1000),
  items          integer NOT NULL CHECK (items > 0),
  passed         integer NOT NULL CHECK (passed BETWEEN 0 AND items),
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id)
);
CREATE INDEX property_inspection_compound ON property_inspection (tenant_id, compound_id, inspected_on DESC);
CREATE INDEX property_inspection_recent ON property_inspection (tenant_id, inspected_on DESC, id DESC);

CREATE TABLE property_inspection_result (
  tenant_id     text NOT NULL,
  inspection_id uuid NOT NULL,
  item_id       uuid NOT NULL,
  passed        boolean NOT NULL,
  note          text CHECK (length(note) <= 500),
  PRIMARY KEY (tenant_id, inspection_id, item_id),
  FOREIGN KEY (tenant_id, inspection_id) REFERENCES property_inspection (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, item_id) REFERENCES property_inspection_item (tenant_id, id)
);

-- Photos of an inspection: the bytes in the file store under storage_key (type checked by its bytes).
CREATE TABLE property_inspection_photo (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  inspection_id uuid NOT NULL,
  file_name     text NOT NULL,
  content_type  text NOT NULL,
  size          integer NOT NULL CHECK (size > 0),
  sha256        text NOT NULL,
  storage_key   text NOT NULL,
  uploaded_by   uuid,
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, inspection_id) REFERENCES property_inspection (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX property_inspection_photo_inspection ON property_inspection_photo (tenant_id, inspection_id, uploaded_at);

-- The county's weights of the combined score, versioned (the newest applies; defaults before any).
CREATE TABLE property_evaluation_weights (
  tenant_id   text NOT NULL,
  version     integer NOT NULL CHECK (version > 0),
  residents   numeric(4, 3) NOT NULL CHECK (residents BETWEEN 0 AND 1),
  demands     numeric(4, 3) NOT NULL CHECK (demands BETWEEN 0 AND 1),
  inspections numeric(4, 3) NOT NULL CHECK (inspections BETWEEN 0 AND 1),
  note        text CHECK (length(note) <= 500),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version),
  CHECK (residents + demands + inspections > 0)
);

-- What a round kept when it closed: the weights applied (their version, 0 = the defaults) and the
-- combined score of every compound and company, ranked. Published: residents read their compound's.
CREATE TABLE property_evaluation_result (
  tenant_id       text NOT NULL,
  round_id        uuid NOT NULL,
  weights_version integer NOT NULL CHECK (weights_version >= 0),
  residents       numeric(4, 3) NOT NULL,
  demands         numeric(4, 3) NOT NULL,
  inspections     numeric(4, 3) NOT NULL,
  from_day        date NOT NULL,
  to_day          date NOT NULL,
  closed_by       uuid,
  closed_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, round_id),
  FOREIGN KEY (tenant_id, round_id) REFERENCES property_evaluation_round (tenant_id, id)
);

CREATE TABLE property_evaluation_score (
  tenant_id         text NOT NULL,
  round_id          uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('compound', 'company')),
  subject_id        uuid NOT NULL,
  name              text NOT NULL,
  community_name    text NOT NULL DEFAULT '',
  compounds         integer NOT NULL DEFAULT 1,
  rank              integer NOT NULL CHECK (rank > 0),
  combined          numeric(5, 1),
  resident_score    numeric(5, 1),
  ratings           integer NOT NULL DEFAULT 0,
  demands_resolved  integer NOT NULL DEFAULT 0,
  on_time_rate      numeric(5, 4),
  demands_evaluated integer NOT NULL DEFAULT 0,
  satisfaction_rate numeric(5, 4),
  demand_score      numeric(5, 1),
  inspection_items  integer NOT NULL DEFAULT 0,
  inspection_passed integer NOT NULL DEFAULT 0,
  inspection_score  numeric(5, 1),
  PRIMARY KEY (tenant_id, round_id, kind, subject_id),
  FOREIGN KEY (tenant_id, round_id) REFERENCES property_evaluation_result (tenant_id, round_id)
);
CREATE INDEX property_evaluation_score_rank ON property_evaluation_score (tenant_id, round_id, kind, rank);
