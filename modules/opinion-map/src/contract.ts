import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of opinion-map. Imports only typebox and pure files: the web takes its types from here.

export const OpinionMapItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type OpinionMapItem = Static<typeof OpinionMapItem>;

export const OpinionMapFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const OpinionMapListQuery = Type.Object({ ...PageQuery, ...OpinionMapFilter });
export type OpinionMapListQuery = Static<typeof OpinionMapListQuery>;
export const OpinionMapExportQuery = Type.Object(OpinionMapFilter);
export const OpinionMapPage = Page(OpinionMapItem);

export const CreateOpinionMapItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateOpinionMapItemBody = Static<typeof CreateOpinionMapItemBody>;
