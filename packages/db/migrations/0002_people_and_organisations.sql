-- People and the organisation network: residents in households, the five-level party organisation
-- tree, building and entrance leaders, grids with their teams, registered organisations and
-- dual registration (双报到).
--
-- Personal data: phone and ID number are stored only encrypted (AES-256-GCM, *_enc), with a keyed
-- hash (*_hash, HMAC-SHA-256) for exact look-up and de-duplication, and a masked form (*_masked)
-- that lists can show without decrypting.

CREATE TABLE resident (
  tenant_id         text NOT NULL REFERENCES tenant (tenant_id),
  id                uuid NOT NULL,
  household_id      uuid NOT NULL,
  name              text NOT NULL CHECK (length(btrim(name)) > 0),
  gender            text CHECK (gender IN ('male', 'female')),
  birth_date        date,
  relation          text,
  phone_enc         text,
  phone_hash        text,
  phone_masked      text,
  id_number_enc     text,
  id_number_hash    text,
  id_number_masked  text,
  tags              text[] NOT NULL DEFAULT '{}',
  is_party_member   boolean NOT NULL DEFAULT false,
  account_id        uuid REFERENCES account (id),
  note              text,
  moved_out_at      date,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX resident_household ON resident (tenant_id, household_id);
CREATE UNIQUE INDEX resident_id_number ON resident (tenant_id, id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE INDEX resident_phone ON resident (tenant_id, phone_hash) WHERE phone_hash IS NOT NULL;
CREATE INDEX resident_tags ON resident USING gin (tags);
CREATE INDEX resident_name_trgm ON resident USING gin (name gin_trgm_ops);

-- Five-level party organisation tree beside the territory tree:
-- subdistrict_committee → community_committee → compound_branch → building_group → member_household.
CREATE TABLE party_org (
  tenant_id       text NOT NULL REFERENCES tenant (tenant_id),
  id              uuid NOT NULL,
  parent_id       uuid,
  kind            text NOT NULL CHECK (kind IN ('subdistrict_committee', 'community_committee', 'compound_branch', 'building_group', 'member_household')),
  name            text NOT NULL CHECK (length(btrim(name)) > 0),
  node_id         uuid NOT NULL,
  path            ltree NOT NULL,
  secretary_id    uuid,
  established_on  date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES party_org (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, secretary_id) REFERENCES resident (tenant_id, id),
  CHECK ((kind = 'subdistrict_committee') = (parent_id IS NULL))
);
CREATE INDEX party_org_path ON party_org USING gist (path);
CREATE INDEX party_org_node ON party_org (tenant_id, node_id);
CREATE UNIQUE INDEX party_org_sibling_name ON party_org (tenant_id, parent_id, name);

CREATE TABLE party_member (
  tenant_id     text NOT NULL REFERENCES tenant (tenant_id),
  id            uuid NOT NULL,
  resident_id   uuid NOT NULL,
  party_org_id  uuid NOT NULL,
  joined_on     date,
  status        text NOT NULL DEFAULT 'full' CHECK (status IN ('full', 'probationary')),
  in_service    boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id),
  FOREIGN KEY (tenant_id, party_org_id) REFERENCES party_org (tenant_id, id)
);
CREATE UNIQUE INDEX party_member_resident ON party_member (tenant_id, resident_id);
CREATE INDEX party_member_org ON party_member (tenant_id, party_org_id);

-- 楼栋长 / 单元长: resident volunteers responsible for a building or an entrance.
CREATE TABLE node_leader (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  id           uuid NOT NULL,
  node_id      uuid NOT NULL,
  resident_id  uuid NOT NULL,
  role         text NOT NULL CHECK (role IN ('building_leader', 'entrance_leader')),
  since        date,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id)
);
CREATE UNIQUE INDEX node_leader_unique ON node_leader (tenant_id, node_id, role, resident_id);

-- Grids (网格) belong to a community and cover buildings; a micro-grid sits inside a grid.
CREATE TABLE grid (
  tenant_id     text NOT NULL REFERENCES tenant (tenant_id),
  id            uuid NOT NULL,
  community_id  uuid NOT NULL,
  parent_id     uuid,
  level         text NOT NULL CHECK (level IN ('grid', 'micro_grid')),
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  code          text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, community_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES grid (tenant_id, id),
  CHECK ((level = 'grid') = (parent_id IS NULL))
);
CREATE UNIQUE INDEX grid_name ON grid (tenant_id, community_id, name);

CREATE TABLE grid_building (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  grid_id      uuid NOT NULL,
  building_id  uuid NOT NULL,
  PRIMARY KEY (tenant_id, grid_id, building_id),
  FOREIGN KEY (tenant_id, grid_id) REFERENCES grid (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, building_id) REFERENCES territory_node (tenant_id, id)
);
CREATE INDEX grid_building_building ON grid_building (tenant_id, building_id);

-- Grid team: one community cadre leads (1 + N), with grid workers, building leaders, party members
-- and volunteers. A member is a staff account, a resident, or both.
CREATE TABLE grid_member (
  tenant_id    text NOT NULL REFERENCES tenant (tenant_id),
  id           uuid NOT NULL,
  grid_id      uuid NOT NULL,
  role         text NOT NULL CHECK (role IN ('leader', 'grid_worker', 'building_leader', 'party_member', 'volunteer')),
  account_id   uuid REFERENCES account (id),
  resident_id  uuid,
  name         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, grid_id) REFERENCES grid (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id),
  CHECK (account_id IS NOT NULL OR resident_id IS NOT NULL)
);
CREATE INDEX grid_member_grid ON grid_member (tenant_id, grid_id);

-- Registered organisations: property companies, owners' committees, property management
-- committees, government units, enterprises, schools, social organisations, volunteer teams.
CREATE TABLE organisation (
  tenant_id     text NOT NULL REFERENCES tenant (tenant_id),
  id            uuid NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('property_company', 'owners_committee', 'property_management_committee', 'government_unit', 'enterprise', 'school', 'hospital', 'social_organisation', 'volunteer_team', 'red_steward_team', 'community_enterprise')),
  name          text NOT NULL CHECK (length(btrim(name)) > 0),
  node_id       uuid NOT NULL,
  credit_code   text,
  state_owned   boolean NOT NULL DEFAULT false,
  contact_name  text,
  phone_enc     text,
  phone_hash    text,
  phone_masked  text,
  attrs         jsonb NOT NULL DEFAULT '{}',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES territory_node (tenant_id, id)
);
CREATE UNIQUE INDEX organisation_name ON organisation (tenant_id, node_id, kind, name);

-- Compounds served by a property company (one company may serve several compounds: 一托多).
CREATE TABLE property_service (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  compound_id      uuid NOT NULL,
  organisation_id  uuid NOT NULL,
  since            date,
  PRIMARY KEY (tenant_id, compound_id, organisation_id),
  FOREIGN KEY (tenant_id, compound_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);

-- 双报到: organisations and in-service party members registering with a community.
CREATE TABLE dual_registration (
  tenant_id        text NOT NULL REFERENCES tenant (tenant_id),
  id               uuid NOT NULL,
  community_id     uuid NOT NULL,
  organisation_id  uuid,
  resident_id      uuid,
  registered_on    date NOT NULL DEFAULT current_date,
  services         text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, community_id) REFERENCES territory_node (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES resident (tenant_id, id),
  CHECK ((organisation_id IS NULL) <> (resident_id IS NULL))
);
CREATE UNIQUE INDEX dual_registration_unique ON dual_registration (tenant_id, community_id, coalesce(organisation_id, resident_id));
