import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of property. Imports only typebox and pure files: the web takes its types from here.

export const PropertyItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type PropertyItem = Static<typeof PropertyItem>;

export const PropertyFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const PropertyListQuery = Type.Object({ ...PageQuery, ...PropertyFilter });
export type PropertyListQuery = Static<typeof PropertyListQuery>;
export const PropertyExportQuery = Type.Object(PropertyFilter);
export const PropertyPage = Page(PropertyItem);

export const CreatePropertyItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreatePropertyItemBody = Static<typeof CreatePropertyItemBody>;
