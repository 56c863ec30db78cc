-- 物业经理接待日: a property manager's scheduled reception day in a compound the company serves, the
-- questions residents raise there (with the answer given) and, where one needs handling, the demand
-- it became in the demands module (its id and number kept here). Tenant-owned (Citus-ready):
-- tenant_id first in every primary key and every foreign key.
CREATE TABLE property_reception_day (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  compound_id uuid NOT NULL,
  company_id uuid NOT NULL,
  held_on date NOT NULL,
  hours text NOT NULL CHECK (hours ~ '^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
  host_name text NOT NULL CHECK (length(btrim(host_name)) BETWEEN 1 AND 50),
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  summary text CHECK (length(summary) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id)
);
CREATE INDEX property_reception_day_compound ON property_reception_day (tenant_id, compound_id, held_on);
CREATE INDEX property_reception_day_held_on ON property_reception_day (tenant_id, held_on, id);

CREATE TABLE property_reception_question (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  reception_id uuid NOT NULL,
  -- The household that raised it (a place, no name), when the resident gave it.
  household_id uuid,
  question text NOT NULL CHECK (length(btrim(question)) BETWEEN 1 AND 1000),
  answer text CHECK (length(answer) <= 2000),
  demand_id uuid,
  demand_number text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, reception_id) REFERENCES property_reception_day (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX property_reception_question_day ON property_reception_question (tenant_id, reception_id, created_at);
