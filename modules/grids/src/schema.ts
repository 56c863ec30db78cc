import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { gridLevels, gridMemberRoles } from './vocabulary.ts';

export { gridLevels, gridMemberRoles } from './vocabulary.ts';

/** Tables of the grids module, column for column as in migrations/0002_people_party.sql. */
export const grid = pgTable(
  'grid',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    communityId: uuid('community_id').notNull(),
    parentId: uuid('parent_id'),
    level: text('level', { enum: gridLevels }).notNull(),
    name: text('name').notNull(),
    code: text('code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    uniqueIndex('grid_name').on(t.tenantId, t.communityId, t.name),
  ],
);

export const gridBuilding = pgTable(
  'grid_building',
  {
    tenantId: text('tenant_id').notNull(),
    gridId: uuid('grid_id').notNull(),
    buildingId: uuid('building_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.gridId, t.buildingId] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grid.tenantId, grid.id] }).onDelete('cascade'),
    index('grid_building_building').on(t.tenantId, t.buildingId),
  ],
);

export const gridMember = pgTable(
  'grid_member',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    gridId: uuid('grid_id').notNull(),
    role: text('role', { enum: gridMemberRoles }).notNull(),
    accountId: uuid('account_id'),
    residentId: uuid('resident_id'),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grid.tenantId, grid.id] }).onDelete('cascade'),
    index('grid_member_grid').on(t.tenantId, t.gridId),
  ],
);
