-- Open311 GeoReport v2 for demands: the clients (apps and partner systems) that may post service
-- requests, the Open311 attributes of a demand category (the service definition), the attribute
-- values submitted with a demand, and which client submitted which demand.

-- A client of a county. Only the SHA-256 of its api_key is stored; the key is shown once, when
-- the client is created. Each client acts through its own service account (status 'disabled',
-- no usable password: nobody signs in with it), so the timeline, created_by and the audit trail
-- name the client. jurisdiction_id is the identifier clients send for the county (e.g. 370785).
-- The key hash is unique across tenants because a request that carries only an api_key must find
-- exactly one client (under Citus this table would be looked up by jurisdiction_id first).
CREATE TABLE open311_client (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  id               uuid NOT NULL,
  name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  api_key_hash     text NOT NULL CHECK (api_key_hash ~ '^[0-9a-f]{64}$'),
  jurisdiction_id  text NOT NULL CHECK (jurisdiction_id ~ '^[A-Za-z0-9_.-]{1,100}$'),
  account_id       uuid NOT NULL REFERENCES account (id),
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX open311_client_api_key_hash ON open311_client (api_key_hash);
CREATE UNIQUE INDEX open311_client_name ON open311_client (tenant_id, name);
CREATE INDEX open311_client_jurisdiction ON open311_client (jurisdiction_id) WHERE active;

-- The Open311 attributes of a category, in the service-definition shape:
-- [{ code, datatype, required, description, order, datatype_description, values: [{ key, name }] }].
ALTER TABLE demand_category ADD COLUMN open311_attributes jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(open311_attributes) = 'array');

-- Attribute values submitted with a demand, by attribute code (a string, or an array of strings
-- for a multivaluelist).
ALTER TABLE demand ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'
  CHECK (jsonb_typeof(attributes) = 'object');

-- Which client submitted a demand through Open311, and the media_url it sent.
CREATE TABLE open311_request (
  tenant_id   text NOT NULL REFERENCES tenant (tenant_id),
  demand_id   uuid NOT NULL,
  client_id   uuid NOT NULL,
  media_url   text CHECK (length(media_url) <= 1000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, demand_id),
  FOREIGN KEY (tenant_id, demand_id) REFERENCES demand (tenant_id, id),
  FOREIGN KEY (tenant_id, client_id) REFERENCES open311_client (tenant_id, id)
);
CREATE INDEX open311_request_client ON open311_request (tenant_id, client_id);
-- GET requests and servicerequestupdates read by time inside one county.
CREATE INDEX demand_event_at ON demand_event (tenant_id, at);
