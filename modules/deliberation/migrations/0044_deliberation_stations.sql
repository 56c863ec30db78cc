-- Deliberation stations (议事阵地: 毫议站, 议事厅, 工作室, 议事亭 …): the places where a council
-- meets, each on a node of the territory tree at the compound, community or street level, with its
-- room, opening schedule, photos and posted rules. Tenant-owned: tenant_id first in every key.

-- The kinds of station a county names (its editable list; a county starts from the defaults the
-- module inserts on first use).
CREATE TABLE deliberation_station_kind (
  tenant_id  text NOT NULL,
  code       text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name       text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 40),
  sort_order integer NOT NULL DEFAULT 0,
  active     boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, code)
);
CREATE UNIQUE INDEX deliberation_station_kind_name ON deliberation_station_kind (tenant_id, name);

CREATE TABLE deliberation_station (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  name         text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
  kind         text NOT NULL,
  level        text NOT NULL CHECK (level IN ('compound', 'community', 'street')),
  -- The territory node it sits on (a compound, a community or a subdistrict, matching the level),
  -- and a copy of that node's path for scope checks inside the statement.
  node_id      uuid NOT NULL,
  node_path    ltree NOT NULL,
  room         text CHECK (room IS NULL OR length(room) <= 200),
  area_m2      numeric(8, 1) CHECK (area_m2 IS NULL OR area_m2 > 0),
  lat          double precision CHECK (lat BETWEEN -90 AND 90),
  lng          double precision CHECK (lng BETWEEN -180 AND 180),
  -- The recurrence rule of its openings (station-schedule.ts), or null when it opens on demand.
  schedule     jsonb,
  active       boolean NOT NULL DEFAULT true,
  version      integer NOT NULL DEFAULT 1,
  created_by   uuid,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, kind) REFERENCES deliberation_station_kind (tenant_id, code)
);
CREATE UNIQUE INDEX deliberation_station_name ON deliberation_station (tenant_id, node_id, name);
CREATE INDEX deliberation_station_path ON deliberation_station USING gist (node_path);
CREATE INDEX deliberation_station_list ON deliberation_station (tenant_id, name, id);

-- Photos of the room: the bytes in the file store under storage_key, what they are here.
CREATE TABLE deliberation_station_photo (
  tenant_id    text NOT NULL,
  id           uuid NOT NULL,
  station_id   uuid NOT NULL,
  file_name    text NOT NULL,
  content_type text NOT NULL,
  size         integer NOT NULL CHECK (size > 0),
  sha256       text NOT NULL,
  storage_key  text NOT NULL,
  uploaded_by  uuid,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, station_id) REFERENCES deliberation_station (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX deliberation_station_photo_station ON deliberation_station_photo (tenant_id, station_id, uploaded_at);

-- The posted rules (议事规则): every published version is kept with its author and time; the
-- highest version number is the one in force.
CREATE TABLE deliberation_station_rules (
  tenant_id    text NOT NULL,
  station_id   uuid NOT NULL,
  version      integer NOT NULL CHECK (version >= 1),
  scope_summary text NOT NULL DEFAULT '' CHECK (length(scope_summary) <= 4000),
  procedure    text NOT NULL DEFAULT '' CHECK (length(procedure) <= 8000),
  meeting_rules text NOT NULL DEFAULT '' CHECK (length(meeting_rules) <= 8000),
  note         text CHECK (note IS NULL OR length(note) <= 500),
  published_by uuid,
  published_by_name text,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, station_id, version),
  FOREIGN KEY (tenant_id, station_id) REFERENCES deliberation_station (tenant_id, id) ON DELETE CASCADE
);
