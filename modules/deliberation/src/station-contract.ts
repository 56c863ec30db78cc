import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of deliberation stations (议事阵地). Imports only typebox and pure files: the web
// takes its types from here.

export const stationLevels = ['compound', 'community', 'street'] as const;
export type StationLevel = (typeof stationLevels)[number];
export const StationLevel = Type.Union(stationLevels.map((l) => Type.Literal(l)));

/** The territory node kind a station of each level sits on. */
export const nodeKindOfLevel: Record<StationLevel, 'compound' | 'community' | 'subdistrict'> = {
  compound: 'compound',
  community: 'community',
  street: 'subdistrict',
};

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, China time' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

/** The opening schedule's recurrence rule (station-schedule.ts reads it). */
export const StationSchedule = Type.Object(
  {
    freq: Type.Union([Type.Literal('weekly'), Type.Literal('monthly')]),
    weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      description: 'ISO weekdays, 1 Monday … 7 Sunday',
    }),
    interval: Type.Optional(Type.Integer({ minimum: 1, maximum: 8, description: 'weekly: every n weeks' })),
    nth: Type.Optional(
      Type.Array(Type.Integer({ minimum: -1, maximum: 4 }), { maxItems: 5, description: 'monthly: 1–4 or -1 (the last) of the weekdays' }),
    ),
    start: Time,
    end: Time,
    from: Type.Optional(Day),
    until: Type.Optional(Day),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type StationSchedule = Static<typeof StationSchedule>;

export const StationOpening = Type.Object({ start: Type.String({ format: 'date-time' }), end: Type.String({ format: 'date-time' }) });
export type StationOpening = Static<typeof StationOpening>;

export const StationKind = Type.Object({
  code: Type.String(),
  name: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  stations: Type.Integer({ description: 'stations of this kind in the county' }),
});
export type StationKind = Static<typeof StationKind>;
export const StationKindList = Type.Object({ items: Type.Array(StationKind) });

export const SaveStationKindBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SaveStationKindBody = Static<typeof SaveStationKindBody>;

/** A station as the staff list shows it. */
export const Station = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: Type.String(),
  kindName: Type.String(),
  level: StationLevel,
  nodeId: Uuid,
  nodeName: Type.String(),
  /** Names from the county down to the node. */
  place: Type.Array(Type.String()),
  room: Type.Union([Type.String(), Type.Null()]),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
  lat: Type.Union([Type.Number(), Type.Null()]),
  lng: Type.Union([Type.Number(), Type.Null()]),
  schedule: Type.Union([StationSchedule, Type.Null()]),
  nextOpening: Type.Union([StationOpening, Type.Null()]),
  photoCount: Type.Integer(),
  rulesVersion: Type.Union([Type.Integer(), Type.Null()]),
  active: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Station = Static<typeof Station>;

export const StationPhoto = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export type StationPhoto = Static<typeof StationPhoto>;

export const StationRules = Type.Object({
  version: Type.Integer(),
  scopeSummary: Type.String(),
  procedure: Type.String(),
  meetingRules: Type.String(),
  note: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.String({ format: 'date-time' }),
  publishedByName: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
});
export type StationRules = Static<typeof StationRules>;

export const StationDetail = Type.Object({
  ...Station.properties,
  openings: Type.Array(StationOpening),
  photos: Type.Array(StationPhoto),
  /** Every published version, newest (the one in force) first. */
  rules: Type.Array(StationRules),
});
export type StationDetail = Static<typeof StationDetail>;

export const StationFilter = {
  level: Type.Optional(StationLevel),
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  nodeId: Type.Optional(Uuid),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name' })),
  active: Type.Optional(Type.Boolean()),
  sort: Type.Optional(
    Type.Union([Type.Literal('name'), Type.Literal('-name'), Type.Literal('updatedAt'), Type.Literal('-updatedAt')], { default: 'name' }),
  ),
};
export const StationListQuery = Type.Object({ ...PageQuery, ...StationFilter });
export type StationListQuery = Static<typeof StationListQuery>;
export const StationExportQuery = Type.Object(StationFilter);
export const StationPage = Page(Station);

export const StationMapQuery = Type.Object({ level: StationFilter.level, kind: StationFilter.kind, nodeId: StationFilter.nodeId });
export const StationPoint = Type.Object({
  id: Uuid,
  name: Type.String(),
  kindName: Type.String(),
  level: StationLevel,
  nodeName: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
});
export type StationPoint = Static<typeof StationPoint>;
export const StationMap = Type.Object({ points: Type.Array(StationPoint), withoutPlace: Type.Integer() });
export type StationMap = Static<typeof StationMap>;

const Room = Type.Union([Type.String({ maxLength: 200 }), Type.Null()]);
const Area = Type.Union([Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }), Type.Null()]);
const Lat = Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()]);
const Lng = Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()]);

export const CreateStationBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    nodeId: Uuid,
    room: Type.Optional(Room),
    areaM2: Type.Optional(Area),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    schedule: Type.Optional(Type.Union([StationSchedule, Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateStationBody = Static<typeof CreateStationBody>;

export const UpdateStationBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version the change was made on (409 when it moved on)' }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    room: Type.Optional(Room),
    areaM2: Type.Optional(Area),
    lat: Type.Optional(Lat),
    lng: Type.Optional(Lng),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UpdateStationBody = Static<typeof UpdateStationBody>;

export const SetStationScheduleBody = Type.Object(
  { schedule: Type.Union([StationSchedule, Type.Null()], { description: 'null: opens on demand, no fixed schedule' }) },
  { additionalProperties: false },
);
export type SetStationScheduleBody = Static<typeof SetStationScheduleBody>;

export const PublishStationRulesBody = Type.Object(
  {
    scopeSummary: Type.String({ maxLength: 4000, description: '事项范围: the scope lists in short' }),
    procedure: Type.String({ maxLength: 8000, description: '议事流程' }),
    meetingRules: Type.String({ maxLength: 8000, description: '会议规则' }),
    note: Type.Optional(Type.String({ maxLength: 500, description: 'what changed' })),
  },
  { additionalProperties: false },
);
export type PublishStationRulesBody = Static<typeof PublishStationRulesBody>;

/** What anyone may see of a station without signing in: no person is named. */
export const PublicStation = Type.Object({
  id: Uuid,
  /** The station's place (its public page links to the place's notices). */
  nodeId: Uuid,
  name: Type.String(),
  kindName: Type.String(),
  level: StationLevel,
  place: Type.Array(Type.String()),
  room: Type.Union([Type.String(), Type.Null()]),
  areaM2: Type.Union([Type.Number(), Type.Null()]),
  schedule: Type.Union([StationSchedule, Type.Null()]),
  openings: Type.Array(StationOpening),
  rules: Type.Union([
    Type.Object({
      version: Type.Integer(),
      scopeSummary: Type.String(),
      procedure: Type.String(),
      meetingRules: Type.String(),
      publishedAt: Type.String({ format: 'date-time' }),
    }),
    Type.Null(),
  ]),
  photos: Type.Array(Type.Object({ id: Uuid, url: Type.String() })),
});
export type PublicStation = Static<typeof PublicStation>;

/** The resident's stations: those of their compound, community and subdistrict. */
export const MyStations = Type.Object({ items: Type.Array(Type.Object({ ...PublicStation.properties, tenantId: Type.String() })) });
export type MyStations = Static<typeof MyStations>;
