import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

export { residentTags } from './vocabulary.ts';

export const Gender = Type.Union([Type.Literal('male'), Type.Literal('female')]);
export const LeaderRole = Type.Union([Type.Literal('building_leader'), Type.Literal('entrance_leader')]);
export type LeaderRole = Static<typeof LeaderRole>;

const DateString = Type.String({ format: 'date' });
const Tag = Type.String({ minLength: 1, maxLength: 20 });

const sensitive = 'present only where the caller holds people.sensitive (docs/privacy-matrix.md)';

/**
 * A resident as every API response shows it: phone and ID number masked, never the stored forms.
 * Gender, birth date, ID number, tags, party membership and note are sensitive: absent from the
 * JSON unless the caller holds people.sensitive on the household.
 */
export const Resident = Type.Object({
  id: Uuid,
  householdId: Uuid,
  householdPath: Type.Array(Type.String(), { description: 'Names from the subdistrict down to the household' }),
  name: Type.String(),
  relation: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked, e.g. 138****5678' }),
  gender: Type.Optional(Type.Union([Gender, Type.Null()], { description: sensitive })),
  birthDate: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: sensitive })),
  idNumber: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: `masked, e.g. 370785********1234; ${sensitive}` })),
  tags: Type.Optional(Type.Array(Type.String(), { description: sensitive })),
  isPartyMember: Type.Optional(Type.Boolean({ description: sensitive })),
  note: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: sensitive })),
});
export type Resident = Static<typeof Resident>;

export const residentSorts = ['name', '-name', 'createdAt', '-createdAt', 'birthDate', '-birthDate'] as const;
export const ResidentSort = Type.Enum(residentSorts, { default: 'name' });
export type ResidentSort = Static<typeof ResidentSort>;

export const ResidentFilter = {
  nodeId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'part of a name, or an exact phone or ID number' })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'needs people.sensitive' })),
  isPartyMember: Type.Optional(Type.Boolean({ description: 'needs people.sensitive' })),
  sort: Type.Optional(ResidentSort),
};
export const ResidentListQuery = Type.Object({ ...ResidentFilter, ...PageQuery });
export type ResidentListQuery = Static<typeof ResidentListQuery>;
export const ResidentExportQuery = Type.Object(ResidentFilter);
export const ResidentPage = Page(Resident);

export const CreateResidentBody = Type.Object(
  {
    householdId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 50 }),
    gender: Type.Optional(Type.Union([Gender, Type.Null()])),
    birthDate: Type.Optional(Type.Union([DateString, Type.Null()])),
    relation: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    idNumber: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
    tags: Type.Optional(Type.Array(Tag, { maxItems: 20 })),
    isPartyMember: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateResidentBody = Static<typeof CreateResidentBody>;

export const UpdateResidentBody = Type.Partial(CreateResidentBody, { additionalProperties: false, minProperties: 1 });
export type UpdateResidentBody = Static<typeof UpdateResidentBody>;

export const RevealField = Type.Union([Type.Literal('phone'), Type.Literal('idNumber')]);
export type RevealField = Static<typeof RevealField>;
export const RevealBody = Type.Object(
  { fields: Type.Optional(Type.Array(RevealField, { minItems: 1, maxItems: 2, uniqueItems: true })) },
  { additionalProperties: false },
);
export const RevealResult = Type.Object({
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  idNumber: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type RevealResult = Static<typeof RevealResult>;

export const Leader = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  nodeKind: Type.String(),
  role: LeaderRole,
  residentId: Uuid,
  residentName: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked' }),
  since: Type.Union([Type.String(), Type.Null()]),
});
export type Leader = Static<typeof Leader>;
export const LeaderListQuery = Type.Object({ nodeId: Type.Optional(Uuid), role: Type.Optional(LeaderRole) });
export const CreateLeaderBody = Type.Object(
  { nodeId: Uuid, residentId: Uuid, role: LeaderRole, since: Type.Optional(DateString) },
  { additionalProperties: false },
);
export type CreateLeaderBody = Static<typeof CreateLeaderBody>;

export const IdParams = Type.Object({ id: Uuid });
