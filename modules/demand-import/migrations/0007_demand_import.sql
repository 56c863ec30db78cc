-- Saved column mappings of work-order files (12345 hotline exports and the like): which column of
-- the source file holds which field of a demand, the value maps (source category → our category
-- code, source status → our status …), the date format and the time zone of the source. Named
-- per tenant; the configuration is one JSON document validated by the application (its schema
-- is DemandImportConfig in modules/demands/src/import/contract.ts).
CREATE TABLE demand_import_mapping (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  id          uuid NOT NULL,
  name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  config      jsonb NOT NULL,
  created_by  uuid REFERENCES account (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  version     integer NOT NULL DEFAULT 1 CHECK (version > 0),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX demand_import_mapping_name ON demand_import_mapping (tenant_id, name);
