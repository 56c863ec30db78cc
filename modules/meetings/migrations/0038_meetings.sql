-- meetings: councils (议事会, 联席会议, 业主大会) with their seats, and their meetings — notice,
-- agenda, invitees, check-in, motions and speaking turns under simplified Robert's rules, minutes.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.

-- A standing body that meets: a compound council (小区议事会: party branch, owners' committee and
-- property company in permanent seats), a community council (社区议事会, 5–9 members with a term),
-- a street or county joint meeting (联席会议), an owners' general meeting (业主大会).
CREATE TABLE council (
  tenant_id      text NOT NULL,
  id             uuid NOT NULL,
  node_id        uuid NOT NULL,
  level          text NOT NULL CHECK (level IN ('compound', 'community', 'subdistrict', 'county')),
  kind           text NOT NULL CHECK (kind IN ('council', 'joint_meeting', 'owners_meeting')),
  name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  min_members    integer CHECK (min_members IS NULL OR min_members >= 1),
  max_members    integer CHECK (max_members IS NULL OR max_members >= 1),
  quorum_percent integer NOT NULL DEFAULT 51 CHECK (quorum_percent BETWEEN 1 AND 100),
  term_start     date,
  term_end       date,
  active         boolean NOT NULL DEFAULT true,
  created_by     uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  CHECK (min_members IS NULL OR max_members IS NULL OR min_members <= max_members),
  CHECK (term_start IS NULL OR term_end IS NULL OR term_start <= term_end)
);
CREATE INDEX council_node ON council (tenant_id, node_id);

-- A permanent seat of a council and who holds it: a resident (from the people records), with the
-- party organisation, organisation or county department they stand for. Ended seats keep their row.
CREATE TABLE council_seat (
  tenant_id       text NOT NULL,
  id              uuid NOT NULL,
  council_id      uuid NOT NULL,
  role            text NOT NULL CHECK (role IN ('party_branch', 'owners_committee', 'property_company', 'representative',
                    'elder', 'resident_group_leader', 'street_committee', 'department', 'member')),
  name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  resident_id     uuid,
  party_org_id    uuid,
  organisation_id uuid,
  department_id   uuid,
  term_start      date,
  term_end        date,
  ended_at        timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, council_id) REFERENCES council (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id),
  FOREIGN KEY (tenant_id, party_org_id) REFERENCES party_org (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, department_id) REFERENCES department (tenant_id, id)
);
CREATE INDEX council_seat_council ON council_seat (tenant_id, council_id) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX council_seat_resident ON council_seat (tenant_id, council_id, resident_id) WHERE ended_at IS NULL AND resident_id IS NOT NULL;

-- A meeting of a council. place: a deliberation station id (no foreign key: deliberation owns it) or free text.
-- code: the check-in code shown as a QR code in the room and typed or scanned on the resident's phone.
CREATE TABLE meeting (
  tenant_id         text NOT NULL,
  id                uuid NOT NULL,
  council_id        uuid NOT NULL,
  node_id           uuid NOT NULL,
  level             text NOT NULL CHECK (level IN ('compound', 'community', 'subdistrict', 'county')),
  title             text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz,
  station_id        uuid,
  place_text        text CHECK (place_text IS NULL OR length(place_text) <= 200),
  status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'open', 'closed', 'cancelled')),
  code              text NOT NULL CHECK (code ~ '^[0-9]{6}$'),
  members_expected  integer,
  quorum_needed     integer,
  present_at_open   integer,
  published_at      timestamptz,
  reminded_at       timestamptz,
  opened_at         timestamptz,
  closed_at         timestamptz,
  chair_name        text CHECK (chair_name IS NULL OR length(chair_name) <= 50),
  minutes           text CHECK (minutes IS NULL OR length(minutes) <= 20000),
  created_by        uuid,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, council_id) REFERENCES council (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  CHECK (station_id IS NOT NULL OR place_text IS NOT NULL),
  CHECK (ends_at IS NULL OR ends_at >= starts_at)
);
CREATE INDEX meeting_node_time ON meeting (tenant_id, node_id, starts_at DESC, id DESC);
CREATE INDEX meeting_council ON meeting (tenant_id, council_id, starts_at DESC);
CREATE INDEX meeting_level_time ON meeting (tenant_id, level, starts_at);

-- An agenda item. The subject is whatever the meeting takes up — a deliberation topic, a property
-- reform matter, a ballot — named by kind and id without a foreign key; its title is copied.
CREATE TABLE meeting_item (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  meeting_id    uuid NOT NULL,
  position      integer NOT NULL CHECK (position >= 1),
  subject_kind  text NOT NULL CHECK (subject_kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  subject_id    uuid,
  title         text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
  decision      text CHECK (decision IS NULL OR length(decision) <= 4000),
  outcome       text CHECK (outcome IS NULL OR outcome IN ('adopted', 'rejected', 'deferred', 'noted')),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id)
);
CREATE UNIQUE INDEX meeting_item_position ON meeting_item (tenant_id, meeting_id, position);
CREATE INDEX meeting_item_subject ON meeting_item (tenant_id, subject_kind, subject_id);

-- Who is invited: the council's members (from their seats), flexible seats for this meeting
-- (residents the topic affects, invited on the phone), advisers of a red project, observers.
CREATE TABLE meeting_invitee (
  tenant_id       text NOT NULL,
  id              uuid NOT NULL,
  meeting_id      uuid NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('member', 'flexible', 'adviser', 'observer')),
  seat_id         uuid,
  resident_id     uuid,
  household_id    uuid,
  name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  affiliation     text CHECK (affiliation IS NULL OR length(affiliation) <= 100),
  invited_by_phone boolean NOT NULL DEFAULT false,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, seat_id) REFERENCES council_seat (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX meeting_invitee_meeting ON meeting_invitee (tenant_id, meeting_id);
CREATE UNIQUE INDEX meeting_invitee_resident ON meeting_invitee (tenant_id, meeting_id, resident_id) WHERE resident_id IS NOT NULL;

-- Who came: once per person (an invitee, or a resident account checking in with the code).
CREATE TABLE meeting_attendance (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  meeting_id    uuid NOT NULL,
  invitee_id    uuid,
  account_id    uuid,
  name          text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  is_member     boolean NOT NULL DEFAULT false,
  method        text NOT NULL CHECK (method IN ('code', 'staff')),
  checked_in_by uuid,
  checked_in_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, invitee_id) REFERENCES meeting_invitee (tenant_id, id)
);
CREATE UNIQUE INDEX meeting_attendance_invitee ON meeting_attendance (tenant_id, meeting_id, invitee_id) WHERE invitee_id IS NOT NULL;
CREATE UNIQUE INDEX meeting_attendance_account ON meeting_attendance (tenant_id, meeting_id, account_id) WHERE account_id IS NOT NULL;

-- A motion under simplified Robert's rules: one open at a time per meeting; majority decides.
CREATE TABLE meeting_motion (
  tenant_id      text NOT NULL,
  id             uuid NOT NULL,
  meeting_id     uuid NOT NULL,
  item_id        uuid,
  text           text NOT NULL CHECK (length(btrim(text)) BETWEEN 1 AND 1000),
  mover          text NOT NULL CHECK (length(btrim(mover)) BETWEEN 1 AND 50),
  status         text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'adopted', 'rejected', 'withdrawn')),
  votes_for      integer CHECK (votes_for IS NULL OR votes_for >= 0),
  votes_against  integer CHECK (votes_against IS NULL OR votes_against >= 0),
  votes_abstain  integer CHECK (votes_abstain IS NULL OR votes_abstain >= 0),
  opened_at      timestamptz NOT NULL DEFAULT now(),
  decided_at     timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, item_id) REFERENCES meeting_item (tenant_id, id)
);
CREATE UNIQUE INDEX meeting_motion_one_open ON meeting_motion (tenant_id, meeting_id) WHERE status = 'open';

-- A speaking turn on a motion: who, for or against, and how long (about two minutes a turn).
CREATE TABLE meeting_turn (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  motion_id     uuid NOT NULL,
  attendance_id uuid NOT NULL,
  seq           integer NOT NULL CHECK (seq >= 1),
  stance        text NOT NULL CHECK (stance IN ('for', 'against')),
  seconds       integer NOT NULL CHECK (seconds BETWEEN 0 AND 3600),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, motion_id) REFERENCES meeting_motion (tenant_id, id),
  FOREIGN KEY (tenant_id, attendance_id) REFERENCES meeting_attendance (tenant_id, id)
);
CREATE UNIQUE INDEX meeting_turn_seq ON meeting_turn (tenant_id, motion_id, seq);

-- Evidence photos: the paper sign-in sheet and the signed minutes. The bytes are in the file store.
CREATE TABLE meeting_photo (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  meeting_id   uuid NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('sign_in_sheet', 'signatures')),
  file_name    text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL,
  size_bytes   integer NOT NULL CHECK (size_bytes > 0),
  uploaded_by  uuid,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES meeting (tenant_id, id)
);
CREATE INDEX meeting_photo_meeting ON meeting_photo (tenant_id, meeting_id);
