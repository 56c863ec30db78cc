import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of owners-committees. Imports only typebox and pure files: the web takes its types from here.

export const OwnersCommitteesItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type OwnersCommitteesItem = Static<typeof OwnersCommitteesItem>;

export const OwnersCommitteesFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const OwnersCommitteesListQuery = Type.Object({ ...PageQuery, ...OwnersCommitteesFilter });
export type OwnersCommitteesListQuery = Static<typeof OwnersCommitteesListQuery>;
export const OwnersCommitteesExportQuery = Type.Object(OwnersCommitteesFilter);
export const OwnersCommitteesPage = Page(OwnersCommitteesItem);

export const CreateOwnersCommitteesItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateOwnersCommitteesItemBody = Static<typeof CreateOwnersCommitteesItemBody>;
