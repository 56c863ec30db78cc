-- property-evaluation (物业服务评价): rounds of residents' ratings of their compound's property service,
-- one rating per household per round, on six dimensions, with the company serving the compound when
-- the household rated. Tenant-owned (Citus-ready): tenant_id first in every primary and foreign key.

-- A round: a period (e.g. 2026-Q4) over a place (county, street or community) when residents rate.
CREATE TABLE property_evaluation_round (
  tenant_id   text NOT NULL,
  id          uuid NOT NULL,
  node_id     uuid NOT NULL,
  period      text NOT NULL CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
  opens_on    date NOT NULL,
  closes_on   date NOT NULL,
  status      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by  uuid,
  created_at  timestamptz NOT NULL DEFAULT now(),
  closed_at   timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  CHECK (closes_on >= opens_on)
);
CREATE UNIQUE INDEX property_evaluation_round_period ON property_evaluation_round (tenant_id, node_id, period);
CREATE INDEX property_evaluation_round_recent ON property_evaluation_round (tenant_id, opens_on DESC, id DESC);

-- A household's rating in a round: 1–5 on each dimension. The company is the one serving the
-- compound at the time (its id and name kept as they were: the rating is about that company).
CREATE TABLE property_evaluation_rating (
  tenant_id     text NOT NULL,
  id            uuid NOT NULL,
  round_id      uuid NOT NULL,
  compound_id   uuid NOT NULL,
  household_id  uuid NOT NULL,
  account_id    uuid,
  company_id    uuid,
  company_name  text,
  cleaning      smallint NOT NULL CHECK (cleaning BETWEEN 1 AND 5),
  security      smallint NOT NULL CHECK (security BETWEEN 1 AND 5),
  greening      smallint NOT NULL CHECK (greening BETWEEN 1 AND 5),
  repairs       smallint NOT NULL CHECK (repairs BETWEEN 1 AND 5),
  manners       smallint NOT NULL CHECK (manners BETWEEN 1 AND 5),
  fees          smallint NOT NULL CHECK (fees BETWEEN 1 AND 5),
  comment       text CHECK (length(comment) <= 500),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, round_id) REFERENCES property_evaluation_round (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);
-- One rating per household per round.
CREATE UNIQUE INDEX property_evaluation_rating_household ON property_evaluation_rating (tenant_id, round_id, household_id);
CREATE INDEX property_evaluation_rating_compound ON property_evaluation_rating (tenant_id, round_id, compound_id);
