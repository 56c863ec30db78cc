import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisationKinds } from './vocabulary.ts';

export { type OrganisationKind, organisationKinds } from './vocabulary.ts';

/** Tables of the organisations module, column for column as in migrations/0002_people_party.sql. */
export const organisation = pgTable(
  'organisation',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    nodeId: uuid('node_id').notNull(),
    creditCode: text('credit_code'),
    stateOwned: boolean('state_owned').notNull().default(false),
    contactName: text('contact_name'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), uniqueIndex('organisation_name').on(t.tenantId, t.nodeId, t.kind, t.name)],
);

export const propertyService = pgTable(
  'property_service',
  {
    tenantId: text('tenant_id').notNull(),
    compoundId: uuid('compound_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    since: date('since', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.compoundId, t.organisationId] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisation.tenantId, organisation.id] }),
  ],
);

export const dualRegistration = pgTable(
  'dual_registration',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    communityId: uuid('community_id').notNull(),
    organisationId: uuid('organisation_id'),
    residentId: uuid('resident_id'),
    registeredOn: date('registered_on', { mode: 'string' }).notNull().default(sql`current_date`),
    services: text('services'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.organisationId], foreignColumns: [organisation.tenantId, organisation.id] }),
  ],
);
