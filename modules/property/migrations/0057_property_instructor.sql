-- 党建指导员: party-building instructors appointed to compounds or communities and, when one, to the
-- property company serving there; ended, never deleted, so the figures of a past period stay right.
-- Tenant-owned (Citus-ready): tenant_id first in every primary key and every foreign key.
CREATE TABLE property_instructor (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  -- The unit that sent them (派出单位), e.g. a street party working committee or a county department.
  unit text CHECK (length(unit) <= 100),
  node_id uuid NOT NULL,
  company_id uuid,
  appointed_on date NOT NULL,
  ended_on date CHECK (ended_on IS NULL OR ended_on >= appointed_on),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, company_id) REFERENCES property_company (tenant_id, id)
);
CREATE INDEX property_instructor_node ON property_instructor (tenant_id, node_id);
CREATE INDEX property_instructor_company ON property_instructor (tenant_id, company_id) WHERE company_id IS NOT NULL;
