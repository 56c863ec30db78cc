-- resolutions: what a deliberation adopted (决议), its tasks and their progress, the compound's
-- supervision committee (小区事务监督委员会) and its monthly evaluation and publication
-- (一事一月一评一公示), residents' objections, satisfaction surveys and good ideas (好意见 / 金点子).
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and foreign key.
-- topic_id, meeting_id and demand_ids are references without foreign keys: the topics and meetings
-- belong to the deliberation and meetings modules, demands to the demands module.

CREATE TABLE supervision_committee (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, node_id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);

-- Members come from 五老乡贤 (elder_sage), building leaders and resident representatives.
CREATE TABLE supervision_member (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  committee_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  kind text NOT NULL CHECK (kind IN ('elder_sage', 'building_leader', 'resident_rep')),
  account_id uuid,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES supervision_committee (tenant_id, id)
);
CREATE INDEX supervision_member_committee ON supervision_member (tenant_id, committee_id);
CREATE UNIQUE INDEX supervision_member_account ON supervision_member (tenant_id, committee_id, account_id) WHERE account_id IS NOT NULL;

CREATE TABLE resolution (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  committee_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  content text,
  topic_id uuid,
  meeting_id uuid,
  demand_ids uuid[] NOT NULL DEFAULT '{}',
  proposed_rule text,
  status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed', 'cancelled')),
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  decided_on date NOT NULL,
  completed_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES supervision_committee (tenant_id, id),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL))
);
CREATE INDEX resolution_node ON resolution (tenant_id, node_id, created_at DESC, id DESC);
CREATE INDEX resolution_status ON resolution (tenant_id, status, decided_on);
CREATE UNIQUE INDEX resolution_topic ON resolution (tenant_id, topic_id) WHERE topic_id IS NOT NULL;

-- A task's owner is a unit (named) or a person (named; with an account when they use the app, and the
-- committee member when they sit on the supervision committee: they may not evaluate it).
CREATE TABLE resolution_task (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  resolution_id uuid NOT NULL,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  owner_kind text NOT NULL CHECK (owner_kind IN ('unit', 'person')),
  owner_name text NOT NULL CHECK (length(owner_name) BETWEEN 1 AND 100),
  owner_account_id uuid,
  owner_member_id uuid,
  deadline date NOT NULL,
  funding_note text,
  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, resolution_id, position),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_member_id) REFERENCES supervision_member (tenant_id, id)
);
CREATE INDEX resolution_task_owner ON resolution_task (tenant_id, owner_account_id) WHERE owner_account_id IS NOT NULL;

-- Photos of milestones and evaluations: the bytes in the file store, what they are here.
CREATE TABLE resolution_photo (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  resolution_id uuid NOT NULL,
  storage_key text NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);

CREATE TABLE resolution_milestone (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  resolution_id uuid NOT NULL,
  task_id uuid NOT NULL,
  note text NOT NULL CHECK (length(note) BETWEEN 1 AND 1000),
  progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  photo_ids uuid[] NOT NULL DEFAULT '{}',
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES resolution_task (tenant_id, id)
);
CREATE INDEX resolution_milestone_task ON resolution_milestone (tenant_id, task_id, recorded_at);

-- 一事一月一评: one evaluation per resolution and month, scheduled (due) then recorded by a member.
CREATE TABLE resolution_evaluation (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  resolution_id uuid NOT NULL,
  committee_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  due_on date NOT NULL,
  member_id uuid,
  progress integer CHECK (progress BETWEEN 0 AND 100),
  quality text CHECK (quality IN ('good', 'fair', 'poor')),
  satisfaction text CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  comment text,
  photo_ids uuid[] NOT NULL DEFAULT '{}',
  evaluated_at timestamptz,
  recorded_by uuid,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, resolution_id, month),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES supervision_committee (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES supervision_member (tenant_id, id),
  CHECK ((evaluated_at IS NULL) = (member_id IS NULL))
);
CREATE INDEX resolution_evaluation_month ON resolution_evaluation (tenant_id, month, committee_id);

-- 一公示: the month's notice of a place, with the window in which residents may object.
CREATE TABLE resolution_publication (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  published_at timestamptz NOT NULL DEFAULT now(),
  objection_until timestamptz NOT NULL,
  published_by uuid,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, node_id, month),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  CHECK (objection_until > published_at)
);

CREATE TABLE resolution_objection (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  publication_id uuid NOT NULL,
  resolution_id uuid,
  account_id uuid NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, publication_id) REFERENCES resolution_publication (tenant_id, id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);
CREATE INDEX resolution_objection_publication ON resolution_objection (tenant_id, publication_id, created_at);

-- Residents' satisfaction with a resolution (问卷): one answer per account, the latest counts.
CREATE TABLE resolution_survey (
  tenant_id text NOT NULL,
  resolution_id uuid NOT NULL,
  account_id uuid NOT NULL,
  satisfaction text NOT NULL CHECK (satisfaction IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  answered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, resolution_id, account_id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);

-- 好意见 / 金点子, compiled into the report to the county.
CREATE TABLE resolution_idea (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('good_opinion', 'golden_idea')),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
  resolution_id uuid,
  reported_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, resolution_id) REFERENCES resolution (tenant_id, id)
);
