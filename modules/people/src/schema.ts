import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Tables of the people module, column for column as in migrations/0002_people_party.sql. */
export const resident = pgTable(
  'resident',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    householdId: uuid('household_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    birthDate: date('birth_date', { mode: 'string' }),
    relation: text('relation'),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    idNumberEnc: text('id_number_enc'),
    idNumberHash: text('id_number_hash'),
    idNumberMasked: text('id_number_masked'),
    tags: text('tags').array().notNull().default(sql`'{}'`),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    accountId: uuid('account_id'),
    note: text('note'),
    movedOutAt: date('moved_out_at', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('resident_household').on(t.tenantId, t.householdId),
    uniqueIndex('resident_id_number').on(t.tenantId, t.idNumberHash).where(sql`id_number_hash IS NOT NULL`),
    index('resident_phone').on(t.tenantId, t.phoneHash).where(sql`phone_hash IS NOT NULL`),
  ],
);

export const nodeLeader = pgTable(
  'node_leader',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    nodeId: uuid('node_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    role: text('role', { enum: ['building_leader', 'entrance_leader'] }).notNull(),
    since: date('since', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.residentId], foreignColumns: [resident.tenantId, resident.id] }),
    uniqueIndex('node_leader_unique').on(t.tenantId, t.nodeId, t.role, t.residentId),
  ],
);
