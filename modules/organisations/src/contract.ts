import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { organisationKinds } from './vocabulary.ts';

export const OrganisationKind = Type.Enum(organisationKinds);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ format: 'date' });

/** An organisation as every response shows it: the contact phone masked. */
export const Organisation = Type.Object({
  id: Uuid,
  kind: OrganisationKind,
  name: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  creditCode: Nullable(Type.String()),
  stateOwned: Type.Boolean(),
  contactName: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: 'masked, e.g. 138****5678' })),
  servedCompounds: Type.Array(Type.Object({ id: Uuid, name: Type.String(), since: Nullable(Type.String()) })),
});
export type Organisation = Static<typeof Organisation>;

export const OrganisationFilter = {
  nodeId: Type.Optional(Uuid),
  kind: Type.Optional(OrganisationKind),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
};
export const OrganisationListQuery = Type.Object({ ...OrganisationFilter, ...PageQuery });
export type OrganisationListQuery = Static<typeof OrganisationListQuery>;
export const OrganisationExportQuery = Type.Object(OrganisationFilter);
export const OrganisationPage = Page(Organisation);

export const CreateOrganisationBody = Type.Object(
  {
    kind: OrganisationKind,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nodeId: Uuid,
    creditCode: Type.Optional(
      Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$', description: '统一社会信用代码' }),
    ),
    stateOwned: Type.Optional(Type.Boolean()),
    contactName: Type.Optional(Type.String({ maxLength: 50 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    servedCompoundIds: Type.Optional(
      Type.Array(Uuid, { maxItems: 500, uniqueItems: true, description: 'property companies: compounds served' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateOrganisationBody = Static<typeof CreateOrganisationBody>;

export const DualRegistration = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  organisationId: Nullable(Uuid),
  organisationName: Nullable(Type.String()),
  residentId: Nullable(Uuid),
  residentName: Nullable(Type.String()),
  registeredOn: Type.String(),
  services: Nullable(Type.String()),
});
export type DualRegistration = Static<typeof DualRegistration>;
export const DualRegistrationListQuery = Type.Object({ communityId: Type.Optional(Uuid), ...PageQuery });
export type DualRegistrationListQuery = Static<typeof DualRegistrationListQuery>;
export const DualRegistrationPage = Page(DualRegistration);

export const CreateDualRegistrationBody = Type.Object(
  {
    communityId: Uuid,
    organisationId: Type.Optional(Uuid),
    residentId: Type.Optional(Uuid),
    registeredOn: Type.Optional(DateString),
    services: Type.Optional(Type.String({ maxLength: 500, description: 'what the organisation or member offers the community' })),
  },
  { additionalProperties: false },
);
export type CreateDualRegistrationBody = Static<typeof CreateDualRegistrationBody>;
