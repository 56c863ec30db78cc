import { ltree } from '@linli/db';
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Drizzle view of the tables of migration 0001 that this module owns. The SQL migration is the
// source of truth; these definitions mirror it column for column and are never pushed.

export const tenant = pgTable(
  'tenant',
  {
    tenantId: text('tenant_id').primaryKey(),
    name: text('name').notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('tenant_tenant_id_check', sql`${t.tenantId} ~ '^[0-9]{6}$'`)],
);

export const counter = pgTable(
  'counter',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenant.tenantId),
    name: text('name').notNull(),
    value: bigint('value', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.name] })],
);

export const territoryNode = pgTable(
  'territory_node',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenant.tenantId),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    subkind: text('subkind'),
    name: text('name').notNull(),
    code: text('code'),
    path: ltree('path').notNull(),
    depth: smallint('depth').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    boundary: jsonb('boundary'),
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default({}),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    check(
      'territory_node_kind_check',
      sql`${t.kind} IN ('county', 'subdistrict', 'community', 'compound', 'building', 'entrance', 'household')`,
    ),
    check('territory_node_name_check', sql`length(btrim(${t.name})) > 0`),
    check('territory_node_lat_check', sql`${t.lat} BETWEEN -90 AND 90`),
    check('territory_node_lng_check', sql`${t.lng} BETWEEN -180 AND 180`),
    check('territory_node_check', sql`(${t.kind} = 'county') = (${t.parentId} IS NULL)`),
    uniqueIndex('territory_node_sibling_name').on(t.tenantId, t.parentId, t.name),
    uniqueIndex('territory_node_code').on(t.tenantId, t.code).where(sql`${t.code} IS NOT NULL`),
    index('territory_node_path').using('gist', t.path),
    index('territory_node_kind').on(t.tenantId, t.kind),
    index('territory_node_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

export const importJob = pgTable(
  'import_job',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenant.tenantId),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    updatedRows: integer('updated_rows').notNull().default(0),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('import_job_status_check', sql`${t.status} IN ('validating', 'importing', 'succeeded', 'failed')`),
  ],
);

export type TerritoryNodeRow = typeof territoryNode.$inferSelect;
export type ImportJobRow = typeof importJob.$inferSelect;
