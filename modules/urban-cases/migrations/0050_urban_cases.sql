-- urban-cases: its first table. Tenant-owned (Citus-ready): tenant_id first in the primary key and in
-- every foreign key to another tenant-owned table.
CREATE TABLE urban_cases_item (
  tenant_id text NOT NULL,
  id uuid NOT NULL,
  community_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  note text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, community_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX urban_cases_item_community ON urban_cases_item (tenant_id, community_id, created_at DESC, id DESC);
