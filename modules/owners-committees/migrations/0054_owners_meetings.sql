-- owners-committees: owners' general meetings (业主大会) — the decisions Civil Code Art. 278 gives the
-- owners, each agenda matter voted on its own ballot of the ballots engine; paper ballots entered by
-- staff, proxies (授权委托) with their authorisation document, and the published result.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and in every foreign key.

CREATE TABLE owners_meeting (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  compound_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('first', 'regular', 'extraordinary')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- Who convenes: the owners' committee, the property management committee, or (neither existing)
  -- the street / community.
  convener text NOT NULL CHECK (convener IN ('owners_committee', 'property_management_committee', 'community')),
  committee_id uuid,
  place_text text CHECK (length(place_text) <= 200),
  vote_from date NOT NULL,
  vote_until date NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'noticed', 'voting', 'closed', 'published')),
  notice_on date,
  notice_body text,
  result_body text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  noticed_by uuid,
  noticed_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  published_by uuid,
  published_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES owners_committee (tenant_id, id),
  CHECK (vote_until >= vote_from),
  -- The notice goes up at least 15 days before the vote (业主大会会议召开15日前通知全体业主).
  CHECK (notice_on IS NULL OR vote_from - notice_on >= 15)
);
CREATE INDEX owners_meeting_compound ON owners_meeting (tenant_id, compound_id, created_at DESC);
CREATE INDEX owners_meeting_created ON owners_meeting (tenant_id, created_at DESC, id DESC);

-- The agenda: each matter one of the Art. 278 decisions, with its own ballot (同意 / 反对 / 弃权).
CREATE TABLE owners_meeting_matter (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  position integer NOT NULL CHECK (position BETWEEN 1 AND 20),
  kind text NOT NULL CHECK (kind IN ('rules_of_procedure', 'management_rules', 'committee_election', 'property_company',
    'fund_use', 'fund_raising', 'rebuilding', 'common_use_change', 'other_major')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  ballot_id uuid,
  result jsonb,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES owners_meeting (tenant_id, id),
  UNIQUE (tenant_id, meeting_id, position)
);

-- 授权委托书: a document uploaded for the meeting (photo or PDF), bytes in the file store.
CREATE TABLE owners_meeting_document (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  file_name text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by uuid,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES owners_meeting (tenant_id, id)
);

-- 授权委托: the owner of a household lets another person vote for it (one proxy per household).
-- When the proxy is the owner of another household of the compound (holder_household_id), they vote
-- on the phone too; otherwise the proxy's paper ballot is entered by staff.
CREATE TABLE owners_meeting_proxy (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  household_id uuid NOT NULL,
  proxy_name text NOT NULL CHECK (length(proxy_name) BETWEEN 1 AND 50),
  holder_household_id uuid,
  document_id uuid NOT NULL,
  registered_by uuid,
  registered_by_name text,
  registered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES owners_meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, holder_household_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, document_id) REFERENCES owners_meeting_document (tenant_id, id),
  UNIQUE (tenant_id, meeting_id, household_id),
  CHECK (holder_household_id IS NULL OR holder_household_id <> household_id)
);

-- 纸质表决票: who entered which household's paper ballot (the choices go to the ballots engine).
CREATE TABLE owners_meeting_paper_ballot (
  tenant_id text NOT NULL,
  meeting_id uuid NOT NULL,
  household_id uuid NOT NULL,
  proxy_id uuid,
  entered_by uuid,
  entered_by_name text,
  entered_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, meeting_id, household_id),
  FOREIGN KEY (tenant_id, meeting_id) REFERENCES owners_meeting (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, proxy_id) REFERENCES owners_meeting_proxy (tenant_id, id)
);
