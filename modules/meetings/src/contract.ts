import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of meetings. Imports only typebox and pure files: the web takes its types from here.

export const MeetingsItem = Type.Object({
  id: Uuid,
  communityId: Uuid,
  communityName: Type.String(),
  title: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type MeetingsItem = Static<typeof MeetingsItem>;

export const MeetingsFilter = {
  communityId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};

export const MeetingsListQuery = Type.Object({ ...PageQuery, ...MeetingsFilter });
export type MeetingsListQuery = Static<typeof MeetingsListQuery>;
export const MeetingsExportQuery = Type.Object(MeetingsFilter);
export const MeetingsPage = Page(MeetingsItem);

export const CreateMeetingsItemBody = Type.Object({
  communityId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type CreateMeetingsItemBody = Static<typeof CreateMeetingsItemBody>;
