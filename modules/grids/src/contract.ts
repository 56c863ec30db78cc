import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { gridLevels, gridMemberRoles } from './vocabulary.ts';

export const GridLevel = Type.Enum(gridLevels);
export const GridMemberRole = Type.Enum(gridMemberRoles);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const GridSummary = Type.Object({
  id: Uuid,
  name: Type.String(),
  level: GridLevel,
  code: Nullable(Type.String()),
  parentId: Nullable(Uuid),
  communityId: Uuid,
  communityName: Type.String(),
  buildingCount: Type.Integer(),
  memberCount: Type.Integer(),
});
export type GridSummary = Static<typeof GridSummary>;

export const GridMember = Type.Object({
  id: Uuid,
  role: GridMemberRole,
  name: Type.String(),
  accountId: Nullable(Uuid),
  residentId: Nullable(Uuid),
});
export type GridMember = Static<typeof GridMember>;

export const GridDetail = Type.Object({
  ...GridSummary.properties,
  buildings: Type.Array(Type.Object({ id: Uuid, name: Type.String(), compoundName: Nullable(Type.String()) })),
  members: Type.Array(GridMember),
});
export type GridDetail = Static<typeof GridDetail>;

export const GridFilter = {
  communityId: Type.Optional(Uuid),
  level: Type.Optional(GridLevel),
  parentId: Type.Optional(Uuid),
  buildingId: Type.Optional(Type.String({ format: 'uuid', description: 'grids that cover this building' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
};
export const GridListQuery = Type.Object({ ...GridFilter, ...PageQuery });
export type GridListQuery = Static<typeof GridListQuery>;
export const GridExportQuery = Type.Object(GridFilter);
export const GridPage = Page(GridSummary);

export const CreateGridBody = Type.Object(
  {
    communityId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    level: GridLevel,
    parentId: Type.Optional(Uuid),
    code: Type.Optional(Type.String({ maxLength: 50 })),
    buildingIds: Type.Array(Uuid, { maxItems: 2000, uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type CreateGridBody = Static<typeof CreateGridBody>;

export const AddMemberBody = Type.Object(
  {
    role: GridMemberRole,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    accountId: Type.Optional(Uuid),
    residentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const IdParams = Type.Object({ id: Uuid });
export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid });
