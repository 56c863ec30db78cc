import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of urban-cases. Imports only typebox and pure files: the web takes its types from here.

export const UrbanCasesItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UrbanCasesItem = Static<typeof UrbanCasesItem>;

export const UrbanCasesFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const UrbanCasesListQuery = Type.Object({ ...PageQuery, ...UrbanCasesFilter });
export type UrbanCasesListQuery = Static<typeof UrbanCasesListQuery>;
export const UrbanCasesExportQuery = Type.Object(UrbanCasesFilter);
export const UrbanCasesPage = Page(UrbanCasesItem);

export const CreateUrbanCasesItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateUrbanCasesItemBody = Static<typeof CreateUrbanCasesItemBody>;
