import { ltree } from '@linli/db';
import { boolean, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type PartyOrgKind, partyOrgKinds } from './vocabulary.ts';

export { nodeKindOf, type PartyOrgKind, partyOrgKinds } from './vocabulary.ts';

/** Tables of the party module, column for column as in migrations/0002_people_party.sql. */
export const partyOrg = pgTable(
  'party_org',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    parentId: uuid('parent_id'),
    kind: text('kind', { enum: partyOrgKinds }).notNull(),
    name: text('name').notNull(),
    nodeId: uuid('node_id').notNull(),
    path: ltree('path').notNull(),
    secretaryId: uuid('secretary_id'),
    establishedOn: date('established_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('party_org_node').on(t.tenantId, t.nodeId),
    uniqueIndex('party_org_sibling_name').on(t.tenantId, t.parentId, t.name),
  ],
);

export const partyMember = pgTable(
  'party_member',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    residentId: uuid('resident_id').notNull(),
    partyOrgId: uuid('party_org_id').notNull(),
    joinedOn: date('joined_on', { mode: 'string' }),
    status: text('status', { enum: ['full', 'probationary'] })
      .notNull()
      .default('full'),
    inService: boolean('in_service').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.partyOrgId], foreignColumns: [partyOrg.tenantId, partyOrg.id] }),
    uniqueIndex('party_member_resident').on(t.tenantId, t.residentId),
    index('party_member_org').on(t.tenantId, t.partyOrgId),
  ],
);

export function parentKindOf(kind: PartyOrgKind): PartyOrgKind | null {
  const i = partyOrgKinds.indexOf(kind);
  return i > 0 ? (partyOrgKinds[i - 1] ?? null) : null;
}
