-- owners-committees: 业委会 / 业工委 and 物业管理委员会 of compounds, their members, re-elections (换届)
-- with candidate vetting and the owners' ballot, public notices, and training. Tenant-owned
-- (Citus-ready): tenant_id first in every primary key and in every foreign key.

-- The county's rule date: committees formed on or after it must have ≥ 50 % party members.
CREATE TABLE owners_committee_setting (
  tenant_id text NOT NULL,
  party_rule_from date NOT NULL DEFAULT DATE '2021-01-01',
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

CREATE TABLE owners_committee (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  compound_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('owners_committee', 'owners_work_committee', 'property_management_committee')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  formed_on date NOT NULL,
  term_start date NOT NULL,
  term_end date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'dissolved')),
  ended_on date,
  predecessor_id uuid,
  note text CHECK (length(note) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, predecessor_id) REFERENCES owners_committee (tenant_id, id),
  CHECK (term_end > term_start)
);
-- One active committee per compound: a 物业管理委员会 only where no owners' committee is active.
CREATE UNIQUE INDEX owners_committee_active ON owners_committee (tenant_id, compound_id) WHERE status = 'active';
CREATE INDEX owners_committee_compound ON owners_committee (tenant_id, compound_id, formed_on DESC);
CREATE INDEX owners_committee_term_end ON owners_committee (tenant_id, term_end) WHERE status = 'active';

-- Members: residents of the compound's households (people module ids), a position, since / until.
CREATE TABLE owners_committee_member (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  committee_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  position text NOT NULL CHECK (position IN ('chair', 'vice_chair', 'member')),
  since date NOT NULL,
  until date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES owners_committee (tenant_id, id),
  CHECK (until IS NULL OR until >= since)
);
CREATE UNIQUE INDEX owners_committee_member_current ON owners_committee_member (tenant_id, committee_id, resident_id) WHERE until IS NULL;
CREATE UNIQUE INDEX owners_committee_member_chair ON owners_committee_member (tenant_id, committee_id) WHERE until IS NULL AND position = 'chair';
CREATE INDEX owners_committee_member_resident ON owners_committee_member (tenant_id, resident_id);

-- 换届选举: candidates vetted, the vote as an owners' decision on the ballots engine (Art. 278).
CREATE TABLE owners_committee_election (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  compound_id uuid NOT NULL,
  committee_id uuid,
  kind text NOT NULL CHECK (kind IN ('owners_committee', 'owners_work_committee')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  seats integer NOT NULL CHECK (seats BETWEEN 3 AND 15),
  term_years integer NOT NULL DEFAULT 5 CHECK (term_years BETWEEN 1 AND 5),
  status text NOT NULL DEFAULT 'preparing' CHECK (status IN ('preparing', 'voting', 'elected', 'failed', 'cancelled')),
  ballot_id uuid,
  new_committee_id uuid,
  result jsonb,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES owners_committee (tenant_id, id),
  FOREIGN KEY (tenant_id, new_committee_id) REFERENCES owners_committee (tenant_id, id)
);
CREATE UNIQUE INDEX owners_committee_election_running ON owners_committee_election (tenant_id, compound_id)
  WHERE status IN ('preparing', 'voting');
CREATE INDEX owners_committee_election_committee ON owners_committee_election (tenant_id, committee_id);

CREATE TABLE owners_committee_candidate (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  election_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  position text NOT NULL DEFAULT 'member' CHECK (position IN ('chair', 'vice_chair', 'member')),
  option_no integer,
  elected boolean,
  votes integer,
  area numeric(14, 2),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, election_id) REFERENCES owners_committee_election (tenant_id, id),
  UNIQUE (tenant_id, election_id, resident_id)
);

-- 资格审查: who checked what, with which result (each check a row; the latest per item counts).
CREATE TABLE owners_committee_vetting (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  item text NOT NULL CHECK (item IN ('owner_household', 'no_criminal_record', 'capacity', 'other')),
  passed boolean NOT NULL,
  note text CHECK (length(note) <= 500),
  checked_by uuid,
  checked_by_name text,
  checked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, candidate_id) REFERENCES owners_committee_candidate (tenant_id, id)
);
CREATE INDEX owners_committee_vetting_candidate ON owners_committee_vetting (tenant_id, candidate_id, item, checked_at DESC);

-- Public notices (候选人公示 / 选举结果公示).
CREATE TABLE owners_committee_notice (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  election_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('candidates', 'result')),
  title text NOT NULL,
  body text NOT NULL,
  published_by uuid,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, election_id) REFERENCES owners_committee_election (tenant_id, id)
);
CREATE INDEX owners_committee_notice_election ON owners_committee_notice (tenant_id, election_id, published_at);

-- Training batches (at a place: county, street or community) and who of the members attended.
CREATE TABLE owners_committee_training (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  node_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  held_on date NOT NULL,
  place_text text CHECK (length(place_text) <= 200),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX owners_committee_training_node ON owners_committee_training (tenant_id, node_id, held_on DESC);

CREATE TABLE owners_committee_attendance (
  tenant_id text NOT NULL,
  training_id uuid NOT NULL,
  member_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, training_id, member_id),
  FOREIGN KEY (tenant_id, training_id) REFERENCES owners_committee_training (tenant_id, id),
  FOREIGN KEY (tenant_id, member_id) REFERENCES owners_committee_member (tenant_id, id)
);
CREATE INDEX owners_committee_attendance_member ON owners_committee_attendance (tenant_id, member_id);
