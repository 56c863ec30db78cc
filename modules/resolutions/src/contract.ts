import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of resolutions. Imports only typebox and pure files: the web takes its types from here.

export const ResolutionsItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ResolutionsItem = Static<typeof ResolutionsItem>;

export const ResolutionsFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const ResolutionsListQuery = Type.Object({ ...PageQuery, ...ResolutionsFilter });
export type ResolutionsListQuery = Static<typeof ResolutionsListQuery>;
export const ResolutionsExportQuery = Type.Object(ResolutionsFilter);
export const ResolutionsPage = Page(ResolutionsItem);

export const CreateResolutionsItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateResolutionsItemBody = Static<typeof CreateResolutionsItemBody>;
