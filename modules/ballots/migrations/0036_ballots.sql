-- ballots: the shared ballot engine (deliberation meetings, owners' decisions, micro-funds).
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.
--
-- Anonymity: who took part (ballot_participation: voter, proxy holder, changed flag, the day) and
-- what was chosen (ballot_choice: a hash of the voter's random receipt and an option, no voter, no
-- time, no weight) share no column but the ballot. Per-option totals with floor-area weights are
-- kept as counters (ballot_total), so a unique floor area cannot identify a choice either.
CREATE TABLE ballot (
  tenant_id      text NOT NULL,
  id             uuid NOT NULL,
  place_id       uuid NOT NULL,
  place_path     ltree NOT NULL,
  subject_kind   text NOT NULL CHECK (subject_kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  subject_id     uuid,
  subject_title  text NOT NULL CHECK (length(btrim(subject_title)) BETWEEN 1 AND 200),
  title          text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  method         text NOT NULL CHECK (method IN ('tally', 'online')),
  voter_unit     text NOT NULL CHECK (voter_unit IN ('person', 'household')),
  weighting      text NOT NULL CHECK (weighting IN ('none', 'area')),
  rule           text NOT NULL CHECK (rule IN ('simple_majority', 'art278_ordinary', 'art278_major', 'custom')),
  quorum_num     integer NOT NULL DEFAULT 0 CHECK (quorum_num >= 0),
  quorum_den     integer NOT NULL DEFAULT 1 CHECK (quorum_den > 0 AND quorum_num <= quorum_den),
  pass_num       integer NOT NULL CHECK (pass_num >= 0),
  pass_den       integer NOT NULL CHECK (pass_den > 0 AND pass_num <= pass_den),
  pass_strict    boolean NOT NULL,
  pass_basis     text NOT NULL CHECK (pass_basis IN ('votes', 'voters')),
  max_choices    smallint NOT NULL DEFAULT 1 CHECK (max_choices >= 1),
  max_proxies    smallint NOT NULL DEFAULT 0 CHECK (max_proxies >= 0),
  allow_change   boolean NOT NULL DEFAULT true,
  anonymous      boolean NOT NULL DEFAULT true,
  status         text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  roll_voters    integer,
  roll_area      numeric(14, 2),
  result         jsonb,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  opened_at      timestamptz,
  closed_at      timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, place_id) REFERENCES territory_node (tenant_id, id),
  CHECK (weighting = 'none' OR voter_unit = 'household'),
  CHECK ((status = 'draft') = (opened_at IS NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX ballot_place ON ballot USING gist (place_path);
CREATE INDEX ballot_created ON ballot (tenant_id, created_at DESC, id DESC);
CREATE INDEX ballot_subject ON ballot (tenant_id, subject_kind, subject_id);

CREATE TABLE ballot_option (
  tenant_id  text NOT NULL,
  ballot_id  uuid NOT NULL,
  id         smallint NOT NULL CHECK (id >= 1),
  label      text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 200),
  PRIMARY KEY (tenant_id, ballot_id, id),
  FOREIGN KEY (tenant_id, ballot_id) REFERENCES ballot (tenant_id, id) ON DELETE CASCADE
);

-- The voter list, frozen when the ballot opens: households (with their floor area) or residents.
CREATE TABLE ballot_roll (
  tenant_id     text NOT NULL,
  ballot_id     uuid NOT NULL,
  voter_id      uuid NOT NULL,
  household_id  uuid NOT NULL,
  area          numeric(10, 2),
  PRIMARY KEY (tenant_id, ballot_id, voter_id),
  FOREIGN KEY (tenant_id, ballot_id) REFERENCES ballot (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX ballot_roll_household ON ballot_roll (tenant_id, household_id, ballot_id);

-- A voter who gave a proxy to another voter of the roll; each holder holds at most ballot.max_proxies.
CREATE TABLE ballot_proxy (
  tenant_id      text NOT NULL,
  ballot_id      uuid NOT NULL,
  grantor_id     uuid NOT NULL,
  holder_id      uuid NOT NULL,
  registered_by  uuid,
  registered_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, ballot_id, grantor_id),
  FOREIGN KEY (tenant_id, ballot_id, grantor_id) REFERENCES ballot_roll (tenant_id, ballot_id, voter_id),
  FOREIGN KEY (tenant_id, ballot_id, holder_id) REFERENCES ballot_roll (tenant_id, ballot_id, voter_id),
  CHECK (grantor_id <> holder_id)
);
CREATE INDEX ballot_proxy_holder ON ballot_proxy (tenant_id, ballot_id, holder_id);

-- Who took part (online ballots). The day only: no time to line up with anything else.
-- option_ids only on named (non-anonymous) ballots.
CREATE TABLE ballot_participation (
  tenant_id   text NOT NULL,
  ballot_id   uuid NOT NULL,
  voter_id    uuid NOT NULL,
  via_proxy   uuid,
  cast_on     date NOT NULL,
  changed     boolean NOT NULL DEFAULT false,
  option_ids  smallint[],
  PRIMARY KEY (tenant_id, ballot_id, voter_id),
  FOREIGN KEY (tenant_id, ballot_id, voter_id) REFERENCES ballot_roll (tenant_id, ballot_id, voter_id)
);

-- What was chosen: no voter, no time, no weight. receipt_hash = SHA-256 of the random receipt kept
-- only on the voter's phone (a blank ballot is one row with option_id 0).
CREATE TABLE ballot_choice (
  tenant_id     text NOT NULL,
  ballot_id     uuid NOT NULL,
  receipt_hash  text NOT NULL CHECK (receipt_hash ~ '^[0-9a-f]{64}$'),
  option_id     smallint NOT NULL CHECK (option_id >= 0),
  PRIMARY KEY (tenant_id, ballot_id, receipt_hash, option_id),
  FOREIGN KEY (tenant_id, ballot_id) REFERENCES ballot (tenant_id, id) ON DELETE CASCADE
);

-- Running totals per option of an online ballot (voters and floor area), updated in the cast's transaction.
CREATE TABLE ballot_total (
  tenant_id  text NOT NULL,
  ballot_id  uuid NOT NULL,
  option_id  smallint NOT NULL,
  voters     integer NOT NULL DEFAULT 0 CHECK (voters >= 0),
  area       numeric(14, 2) NOT NULL DEFAULT 0 CHECK (area >= 0),
  PRIMARY KEY (tenant_id, ballot_id, option_id),
  FOREIGN KEY (tenant_id, ballot_id, option_id) REFERENCES ballot_option (tenant_id, ballot_id, id) ON DELETE CASCADE
);

-- Paper or show-of-hands counts typed in by the secretary. Append-only: a correction is a new
-- version with its reason; the latest version of each line counts. option_id 0 = ballots cast.
CREATE TABLE ballot_tally_entry (
  tenant_id   text NOT NULL,
  ballot_id   uuid NOT NULL,
  option_id   smallint NOT NULL CHECK (option_id >= 0),
  version     integer NOT NULL CHECK (version >= 1),
  voters      integer NOT NULL CHECK (voters >= 0),
  area        numeric(14, 2) CHECK (area >= 0),
  reason      text CHECK (reason IS NULL OR length(btrim(reason)) BETWEEN 1 AND 500),
  entered_by  uuid,
  entered_by_name text,
  entered_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, ballot_id, option_id, version),
  FOREIGN KEY (tenant_id, ballot_id) REFERENCES ballot (tenant_id, id) ON DELETE CASCADE,
  CHECK (version = 1 OR reason IS NOT NULL)
);
