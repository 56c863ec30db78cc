import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { partyOrgKinds } from './vocabulary.ts';

export const PartyOrgKind = Type.Enum(partyOrgKinds);
const DateString = Type.String({ format: 'date' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PartyOrg = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  kind: PartyOrgKind,
  name: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  memberCount: Type.Integer({
    description:
      'party members in this organisation and all below it, and those of the organisations above it who live on its territory node',
  }),
  childCount: Type.Integer(),
  secretaryName: Nullable(Type.String()),
  establishedOn: Nullable(Type.String()),
});
export type PartyOrg = Static<typeof PartyOrg>;

export const PartyOrgDetail = Type.Object({
  ...PartyOrg.properties,
  ancestors: Type.Array(Type.Object({ id: Uuid, kind: PartyOrgKind, name: Type.String() })),
});
export type PartyOrgDetail = Static<typeof PartyOrgDetail>;

export const OrgListQuery = Type.Object({
  parentId: Type.Optional(Uuid),
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'organisations attached to this territory node' })),
});
export type OrgListQuery = Static<typeof OrgListQuery>;
export const CreateOrgBody = Type.Object(
  {
    parentId: Type.Optional(Uuid),
    kind: PartyOrgKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nodeId: Uuid,
    secretaryId: Type.Optional(Uuid),
    establishedOn: Type.Optional(DateString),
  },
  { additionalProperties: false },
);
export type CreateOrgBody = Static<typeof CreateOrgBody>;

export const PartyMember = Type.Object({
  id: Uuid,
  residentId: Uuid,
  name: Type.String(),
  orgId: Uuid,
  orgName: Type.String(),
  joinedOn: Nullable(Type.String()),
  status: Type.Union([Type.Literal('full'), Type.Literal('probationary')]),
  inService: Type.Boolean(),
});
export type PartyMember = Static<typeof PartyMember>;
export const MemberFilter = {
  orgId: Type.Optional(Uuid),
  nodeId: Type.Optional(Uuid),
  inService: Type.Optional(Type.Boolean()),
};
export const MemberListQuery = Type.Object({ ...MemberFilter, ...PageQuery });
export type MemberListQuery = Static<typeof MemberListQuery>;
export const MemberPage = Page(PartyMember);

export const CreateMemberBody = Type.Object(
  {
    residentId: Uuid,
    orgId: Uuid,
    joinedOn: Type.Optional(DateString),
    status: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('probationary')])),
    inService: Type.Optional(Type.Boolean({ description: '在职党员: works in a unit, registers with the community where they live' })),
  },
  { additionalProperties: false },
);
export type CreateMemberBody = Static<typeof CreateMemberBody>;

export const CoverageQuery = Type.Object({ nodeId: Type.Optional(Uuid) });
export const CompoundGap = Type.Object({ id: Uuid, name: Type.String(), communityName: Nullable(Type.String()) });
export const BuildingGap = Type.Object({ id: Uuid, name: Type.String(), compoundName: Nullable(Type.String()) });
export const Coverage = Type.Object({
  compounds: Type.Integer(),
  compoundsWithBranch: Type.Integer(),
  buildings: Type.Integer(),
  buildingsWithGroup: Type.Integer(),
  memberHouseholds: Type.Integer(),
  compoundsWithoutBranch: Type.Array(CompoundGap),
  buildingsWithoutGroup: Type.Array(BuildingGap),
  gapsTruncated: Type.Boolean({ description: 'true when a gap list was cut at the JSON limit; the Excel export has every row' }),
});
export type Coverage = Static<typeof Coverage>;

export const IdParams = Type.Object({ id: Uuid });
