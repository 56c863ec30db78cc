-- property (物业管理改革 / 红色物业): the property company registry, contracts with compounds and their
-- fee collection, the compound property profile with its management status (computed by the county's
-- criteria, or overridden with a reason) and the history of every change. Tenant-owned (Citus-ready):
-- tenant_id first in every primary key and every foreign key.

-- 物业服务企业: a company registered in a community (its scope), with its party branch (a party
-- organisation, checked against the scope when named) and its party-building instructor (党建指导员).
CREATE TABLE property_company (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  community_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('state_owned', 'market', 'community_service', 'self_managed')),
  credit_code text CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  service_phone text CHECK (length(service_phone) <= 30),
  party_org_id uuid,
  instructor_name text CHECK (length(instructor_name) <= 50),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, community_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX property_company_community ON property_company (tenant_id, community_id);
CREATE UNIQUE INDEX property_company_credit_code ON property_company (tenant_id, credit_code) WHERE credit_code IS NOT NULL;

-- 双向进入、交叉任职: a party member's post in the company and their post in the party organisation.
CREATE TABLE property_cross_posting (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  company_id uuid NOT NULL,
  person_name text NOT NULL CHECK (length(person_name) BETWEEN 1 AND 50),
  company_post text NOT NULL CHECK (length(company_post) BETWEEN 1 AND 100),
  party_post text NOT NULL CHECK (length(party_post) BETWEEN 1 AND 100),
  since date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX property_cross_posting_company ON property_cross_posting (tenant_id, company_id);

-- 物业服务合同: a company serves a compound for a period, with its services and fee standard.
CREATE TABLE property_contract (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  company_id uuid NOT NULL,
  compound_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date,
  services text[] NOT NULL DEFAULT '{}',
  fee_per_m2_month numeric(8, 2) NOT NULL CHECK (fee_per_m2_month >= 0),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (ends_on IS NULL OR ends_on >= starts_on),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX property_contract_company ON property_contract (tenant_id, company_id);
CREATE INDEX property_contract_compound ON property_contract (tenant_id, compound_id);

-- 物业费收缴率 of a contract per period ('2025', '2025-H1', '2025-Q3' …).
CREATE TABLE property_collection (
  tenant_id text NOT NULL,
  contract_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(H[12]|Q[1-4]|[01][0-9]))?$'),
  rate numeric(5, 4) NOT NULL CHECK (rate BETWEEN 0 AND 1),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, contract_id, period),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES property_contract (tenant_id, id) ON DELETE CASCADE
);

-- The county's criteria of 管得好 / 管不好, versioned: the newest version applies.
CREATE TABLE property_criteria (
  tenant_id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  well_min_collection_rate numeric(5, 4) NOT NULL CHECK (well_min_collection_rate BETWEEN 0 AND 1),
  well_min_satisfaction numeric(5, 4) NOT NULL CHECK (well_min_satisfaction BETWEEN 0 AND 1),
  note text CHECK (length(note) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, version)
);

-- 小区物业档案: one per compound. status is the effective status: the computed one unless overridden.
CREATE TABLE property_profile (
  tenant_id text NOT NULL,
  compound_id uuid NOT NULL,
  floor_area_m2 numeric(12, 2) NOT NULL DEFAULT 0 CHECK (floor_area_m2 >= 0),
  contract_id uuid,
  company_id uuid,
  satisfaction numeric(5, 4) CHECK (satisfaction BETWEEN 0 AND 1),
  computed_status text NOT NULL CHECK (computed_status IN ('well', 'poor', 'unmanaged', 'self')),
  override_status text CHECK (override_status IN ('well', 'poor', 'unmanaged', 'self')),
  override_reason text CHECK (length(override_reason) <= 500),
  status text NOT NULL CHECK (status IN ('well', 'poor', 'unmanaged', 'self')),
  service_mode text CHECK (service_mode IN ('market', 'self_managed', 'community_state_owned', 'state_owned_takeover', 'market_state_owned')),
  cluster_id uuid,
  cluster_name text CHECK (length(cluster_name) <= 200),
  cluster_scenario_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, compound_id),
  CHECK ((override_status IS NULL) = (override_reason IS NULL)),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES property_contract (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id)
);
CREATE INDEX property_profile_status ON property_profile (tenant_id, status);

-- Every change of a profile's status, service mode, company or cluster: computed, overridden or adopted, who, when, why.
CREATE TABLE property_status_change (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  compound_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('computed', 'override', 'override_cleared', 'profile', 'cluster')),
  status_from text,
  status_to text NOT NULL,
  service_mode text,
  company_id uuid,
  cluster_id uuid,
  criteria_version integer,
  reason text CHECK (length(reason) <= 500),
  changed_by uuid,
  changed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES property_profile (tenant_id, compound_id)
);
CREATE INDEX property_status_change_compound ON property_status_change (tenant_id, compound_id, changed_at DESC);
