import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of ballots. Imports only typebox and pure files: the web takes its types from here.

export const BallotsItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type BallotsItem = Static<typeof BallotsItem>;

export const BallotsFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const BallotsListQuery = Type.Object({ ...PageQuery, ...BallotsFilter });
export type BallotsListQuery = Static<typeof BallotsListQuery>;
export const BallotsExportQuery = Type.Object(BallotsFilter);
export const BallotsPage = Page(BallotsItem);

export const CreateBallotsItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateBallotsItemBody = Static<typeof CreateBallotsItemBody>;
