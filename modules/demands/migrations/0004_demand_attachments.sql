-- Photos and files of demands: what the resident or the handler uploaded at intake and at
-- resolution. The bytes live in the file store (DATA_DIR/files by default) under storage_key; this
-- row says what they are. An upload belongs to its uploader until a submission or a resolution
-- links it to a demand (demand_id set once, never moved).
CREATE TABLE demand_attachment (
  tenant_id     text NOT NULL REFERENCES tenant (tenant_id),
  id            uuid NOT NULL,
  demand_id     uuid,
  stage         text CHECK (stage IN ('intake', 'resolution')),
  file_name     text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type  text NOT NULL,
  size          integer NOT NULL CHECK (size > 0),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key   text NOT NULL,
  uploaded_by   uuid NOT NULL REFERENCES account (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  linked_at     timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id),
  CHECK ((demand_id IS NULL) = (stage IS NULL)),
  CHECK ((demand_id IS NULL) = (linked_at IS NULL))
);
CREATE INDEX demand_attachment_demand ON demand_attachment (tenant_id, demand_id) WHERE demand_id IS NOT NULL;
CREATE INDEX demand_attachment_unlinked ON demand_attachment (tenant_id, uploaded_by, uploaded_at) WHERE demand_id IS NULL;
