-- property: property-service evaluation scores feed the management status (issue 14 §1, §5), and contract
-- renewal decisions (续聘 / 整改 / 解聘) are recorded with the scores they were based on.
-- Tenant-owned (Citus-ready): tenant_id first in every primary and foreign key.

-- A criteria version may also ask a minimum evaluation score (out of 100) for 管得好; NULL: not used
-- (every version before this one).
ALTER TABLE property_criteria
  ADD COLUMN well_min_evaluation_score numeric(5, 2) CHECK (well_min_evaluation_score BETWEEN 0 AND 100);

-- The compound's latest combined evaluation score, handed over when an evaluation round closes.
ALTER TABLE property_profile
  ADD COLUMN evaluation_score numeric(5, 2) CHECK (evaluation_score BETWEEN 0 AND 100),
  ADD COLUMN evaluation_period text CHECK (length(evaluation_period) <= 20),
  ADD COLUMN evaluation_round_id uuid;

-- Every score handed over (one per compound and round): what a renewal decision is shown and based on.
CREATE TABLE property_compound_score (
  tenant_id   text NOT NULL,
  compound_id uuid NOT NULL,
  round_id    uuid NOT NULL,
  period      text NOT NULL CHECK (length(period) <= 20),
  score       numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  company_id  uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, compound_id, round_id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id)
);

-- A renewal decision on a contract: renew (续聘), rectify (整改) or terminate (解聘), the reason, who,
-- when, and the evaluation scores shown to them when deciding (kept as they were then).
CREATE TABLE property_renewal_decision (
  tenant_id   text NOT NULL,
  id          uuid NOT NULL,
  contract_id uuid NOT NULL,
  decision    text NOT NULL CHECK (decision IN ('renew', 'rectify', 'terminate')),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
  basis       jsonb NOT NULL DEFAULT '[]',
  decided_by  uuid,
  decided_by_name text CHECK (length(decided_by_name) <= 100),
  decided_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES property_contract (tenant_id, id)
);
CREATE INDEX property_renewal_decision_contract ON property_renewal_decision (tenant_id, contract_id, decided_at DESC);
