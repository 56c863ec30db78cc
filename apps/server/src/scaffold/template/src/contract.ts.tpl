import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of __name__. Imports only typebox and pure files: the web takes its types from here.

export const __Pascal__Item = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type __Pascal__Item = Static<typeof __Pascal__Item>;

export const __Pascal__Filter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const __Pascal__ListQuery = Type.Object({ ...PageQuery, ...__Pascal__Filter });
export type __Pascal__ListQuery = Static<typeof __Pascal__ListQuery>;
export const __Pascal__ExportQuery = Type.Object(__Pascal__Filter);
export const __Pascal__Page = Page(__Pascal__Item);

export const Create__Pascal__ItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type Create__Pascal__ItemBody = Static<typeof Create__Pascal__ItemBody>;
