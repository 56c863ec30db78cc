import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of deliberation. Imports only typebox and pure files: the web takes its types from here.

export const DeliberationItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type DeliberationItem = Static<typeof DeliberationItem>;

export const DeliberationFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const DeliberationListQuery = Type.Object({ ...PageQuery, ...DeliberationFilter });
export type DeliberationListQuery = Static<typeof DeliberationListQuery>;
export const DeliberationExportQuery = Type.Object(DeliberationFilter);
export const DeliberationPage = Page(DeliberationItem);

export const CreateDeliberationItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateDeliberationItemBody = Static<typeof CreateDeliberationItemBody>;
