-- Opinion map (观点地图): conversations of a place, statements written by staff and residents
-- (moderated), one vote per participant and statement, and the computed map cached per conversation.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.

CREATE TABLE opinion_conversation (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  -- The place the conversation belongs to (scope): residents living under it take part.
  node_id uuid NOT NULL,
  -- The deliberation topic it informs, if any (no foreign key: the topic pool lives in another module).
  topic_id uuid,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text CHECK (length(description) <= 2000),
  state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
  -- Raised by every vote and every moderation decision: the cached map is stale when it differs.
  data_version integer NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  closed_by uuid,
  closed_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX opinion_conversation_node ON opinion_conversation (tenant_id, node_id, created_at DESC, id DESC);

-- One participant per resident account and conversation: the map and exports name participants only
-- by a number within the conversation, never by account, name or phone.
CREATE TABLE opinion_participant (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  -- The resident account (no foreign key: account is a global table, and a participant outlives its account).
  account_id uuid NOT NULL,
  number integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, conversation_id, account_id),
  UNIQUE (tenant_id, conversation_id, number),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES opinion_conversation (tenant_id, id)
);

CREATE TABLE opinion_statement (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 140),
  -- Written by staff (seed statements, approved at once) or by a participant (moderated first).
  author_kind text NOT NULL CHECK (author_kind IN ('staff', 'resident')),
  participant_id uuid,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
  reject_reason text CHECK (reject_reason IN ('excluded_topic', 'off_topic', 'personal_data', 'abusive', 'duplicate', 'other')),
  moderation_note text CHECK (length(moderation_note) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  moderated_by uuid,
  moderated_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES opinion_conversation (tenant_id, id),
  FOREIGN KEY (tenant_id, participant_id) REFERENCES opinion_participant (tenant_id, id),
  CHECK ((status = 'rejected') = (reject_reason IS NOT NULL)),
  CHECK ((author_kind = 'resident') = (participant_id IS NOT NULL))
);
CREATE INDEX opinion_statement_conversation ON opinion_statement (tenant_id, conversation_id, status, created_at, id);

-- One vote per participant and statement; voting again changes it.
CREATE TABLE opinion_vote (
  tenant_id text NOT NULL,
  statement_id uuid NOT NULL,
  participant_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  -- 1 agree (同意), -1 disagree (不同意), 0 pass (跳过).
  value smallint NOT NULL CHECK (value IN (-1, 0, 1)),
  voted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, statement_id, participant_id),
  FOREIGN KEY (tenant_id, statement_id) REFERENCES opinion_statement (tenant_id, id),
  FOREIGN KEY (tenant_id, participant_id) REFERENCES opinion_participant (tenant_id, id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES opinion_conversation (tenant_id, id)
);
CREATE INDEX opinion_vote_conversation ON opinion_vote (tenant_id, conversation_id, participant_id);

-- The last computed map of a conversation: read as long as data_version matches the conversation's.
CREATE TABLE opinion_map (
  tenant_id text NOT NULL,
  conversation_id uuid NOT NULL,
  data_version integer NOT NULL,
  -- The k kept before this computation (so recomputing the same data gives the same map) and after it.
  prior_k_state jsonb,
  k_state jsonb,
  result jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, conversation_id),
  FOREIGN KEY (tenant_id, conversation_id) REFERENCES opinion_conversation (tenant_id, id)
);
