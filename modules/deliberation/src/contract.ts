import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { adviserRoles, redirects, scopeLists, topicActions, topicLevels, topicSources, topicStatuses } from './vocabulary.ts';

// The HTTP contract of deliberation. Imports only typebox and pure files: the web takes its types from here.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const DateTime = Type.String({ format: 'date-time' });

export const TopicStatus = Type.Enum(topicStatuses);
export const TopicAction = Type.Enum(topicActions);
export const TopicSource = Type.Enum(topicSources);
export const TopicLevel = Type.Enum(topicLevels);
export const ScopeList = Type.Enum(scopeLists);
export const Redirect = Type.Enum(redirects);
export const AdviserRole = Type.Enum(adviserRoles);
const Version = Type.Integer({ minimum: 1, description: 'the version the caller saw' });

/** A topic as the pool lists it. */
export const Topic = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  source: TopicSource,
  status: TopicStatus,
  level: TopicLevel,
  nodeId: Uuid,
  nodeName: Type.String(),
  locationPath: Type.Array(Type.String()),
  kindCode: Nullable(Type.String()),
  kindName: Nullable(Type.String()),
  redProject: Type.Boolean(),
  supportCount: Type.Integer(),
  demandId: Nullable(Uuid),
  redirect: Nullable(Redirect),
  redirectDemandId: Nullable(Uuid),
  mergedIntoId: Nullable(Uuid),
  dueAt: Nullable(DateTime),
  overdue: Type.Boolean(),
  submittedAt: DateTime,
  decidedAt: Nullable(DateTime),
  version: Type.Integer(),
});
export type Topic = Static<typeof Topic>;

export const TopicEvent = Type.Object({
  seq: Type.Integer(),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  note: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
  at: DateTime,
});
export type TopicEvent = Static<typeof TopicEvent>;

export const TopicSourceRecord = Type.Object({
  id: Uuid,
  source: TopicSource,
  note: Nullable(Type.String()),
  demandId: Nullable(Uuid),
  recordedAt: DateTime,
});
export const TopicAdviser = Type.Object({
  id: Uuid,
  role: AdviserRole,
  name: Type.String(),
  organisation: Nullable(Type.String()),
  addedAt: DateTime,
});
export type TopicAdviser = Static<typeof TopicAdviser>;

export const TopicDetail = Type.Object({
  ...Topic.properties,
  description: Type.String(),
  sourceNote: Nullable(Type.String()),
  exclusionReason: Nullable(Type.String()),
  redirectNote: Nullable(Type.String()),
  parties: Nullable(Type.Integer()),
  stationId: Nullable(Uuid),
  sources: Type.Array(TopicSourceRecord),
  advisers: Type.Array(TopicAdviser),
  timeline: Type.Array(TopicEvent),
  allowedActions: Type.Array(TopicAction),
  supportedByMe: Type.Boolean(),
});
export type TopicDetail = Static<typeof TopicDetail>;

export const TopicFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(TopicStatus),
  level: Type.Optional(TopicLevel),
  source: Type.Optional(TopicSource),
  kindCode: Type.Optional(Type.String({ maxLength: 40 })),
  redProject: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title or number' })),
  sort: Type.Optional(
    Type.Union([
      Type.Literal('submittedAt'),
      Type.Literal('-submittedAt'),
      Type.Literal('supportCount'),
      Type.Literal('-supportCount'),
      Type.Literal('dueAt'),
      Type.Literal('-dueAt'),
    ]),
  ),
};
export const TopicListQuery = Type.Object({ ...PageQuery, ...TopicFilter });
export type TopicListQuery = Static<typeof TopicListQuery>;
export const TopicExportQuery = Type.Object(TopicFilter);
export const TopicPage = Page(Topic);

/** A topic the merge picker offers as a likely duplicate: how alike its title is, 0 to 1. */
export const SimilarTopic = Type.Object({ ...Topic.properties, score: Type.Number({ minimum: 0, maximum: 1 }) });
export type SimilarTopic = Static<typeof SimilarTopic>;
export const SimilarTopics = Type.Object({ items: Type.Array(SimilarTopic) });

export const SubmitTopicBody = Type.Object(
  {
    title: Text(100),
    description: Text(5000),
    nodeId: Uuid,
    source: Type.Optional(TopicSource),
    sourceNote: Type.Optional(Type.String({ maxLength: 500 })),
    demandId: Type.Optional(Uuid),
    level: Type.Optional(TopicLevel),
    stationId: Type.Optional(Uuid),
    parties: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type SubmitTopicBody = Static<typeof SubmitTopicBody>;

export const ScreenTopicBody = Type.Object(
  {
    version: Version,
    outcome: Type.Union([Type.Literal('admissible'), Type.Literal('excluded')]),
    kindCode: Type.String({ minLength: 2, maxLength: 40 }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    redirectNote: Type.Optional(Type.String({ maxLength: 1000 })),
    /** For a government matter: the demand category and type of the demand created in the closed loop. */
    demandCategoryId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type ScreenTopicBody = Static<typeof ScreenTopicBody>;

export const TransitionTopicBody = Type.Object(
  {
    version: Version,
    action: Type.Enum(['pool', 'schedule', 'deliberate', 'decide', 'implement', 'complete', 'evaluate', 'publish', 'close'] as const),
    to: Type.Optional(TopicStatus),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    satisfaction: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'evaluate: share of satisfied residents' })),
    meetingId: Type.Optional(
      Type.String({ format: 'uuid', description: 'schedule: the meeting (not yet held) whose agenda the topic joins' }),
    ),
  },
  { additionalProperties: false },
);
export type TransitionTopicBody = Static<typeof TransitionTopicBody>;

export const EscalateTopicBody = Type.Object(
  { version: Version, reason: Text(1000), parties: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })) },
  { additionalProperties: false },
);
export type EscalateTopicBody = Static<typeof EscalateTopicBody>;

export const MergeTopicBody = Type.Object(
  { version: Version, intoId: Uuid, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type MergeTopicBody = Static<typeof MergeTopicBody>;

export const AddAdviserBody = Type.Object(
  { role: AdviserRole, name: Text(50), organisation: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export type AddAdviserBody = Static<typeof AddAdviserBody>;

export const SupportResult = Type.Object({ supportCount: Type.Integer(), status: TopicStatus, pooled: Type.Boolean() });

/** A kind of the scope lists as it applies: the county's, or a station's own decision over it. */
export const ScopeKind = Type.Object({
  code: Type.String(),
  list: ScopeList,
  name: Type.String(),
  description: Nullable(Type.String()),
  redirect: Nullable(Redirect),
  active: Type.Boolean(),
  position: Type.Integer(),
  countyList: ScopeList,
  overridden: Type.Boolean(),
  version: Type.Integer(),
});
export type ScopeKind = Static<typeof ScopeKind>;
export const ScopeKindsQuery = Type.Object({ stationId: Type.Optional(Uuid) });
export const ScopeKinds = Type.Object({ items: Type.Array(ScopeKind) });

export const SaveScopeKindBody = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
    list: ScopeList,
    name: Text(50),
    description: Type.Optional(Type.String({ maxLength: 200 })),
    redirect: Type.Optional(Redirect),
    active: Type.Optional(Type.Boolean()),
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type SaveScopeKindBody = Static<typeof SaveScopeKindBody>;

export const StationScopeBody = Type.Object(
  {
    stationId: Uuid,
    code: Type.String({ minLength: 2, maxLength: 40 }),
    list: Nullable(ScopeList),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'why the station decides otherwise (kept in the history)' })),
  },
  { additionalProperties: false, description: 'list null: the station follows the county list again' },
);
export type StationScopeBody = Static<typeof StationScopeBody>;

export const ScopeChange = Type.Object({
  id: Uuid,
  stationId: Nullable(Uuid),
  code: Type.String(),
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  reason: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  at: DateTime,
});
export type ScopeChange = Static<typeof ScopeChange>;
export const ScopeChanges = Type.Object({ items: Type.Array(ScopeChange) });

export const DeliberationSettings = Type.Object({
  supportThreshold: Type.Integer({ minimum: 1, maximum: 10000 }),
  compoundDays: Type.Integer({ minimum: 1, maximum: 365 }),
  communityDays: Type.Integer({ minimum: 1, maximum: 365 }),
  subdistrictDays: Type.Integer({ minimum: 1, maximum: 365 }),
});
export type DeliberationSettings = Static<typeof DeliberationSettings>;

export const KpiQuery = Type.Object({
  nodeId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
});
export type KpiQuery = Static<typeof KpiQuery>;
export const KpiMonth = Type.Object({
  month: Type.String({ description: 'YYYY-MM, Asia/Shanghai' }),
  meetings: Type.Integer(),
  topicsCollected: Type.Integer(),
  topicsResolved: Type.Integer(),
});
export const DeliberationKpis = Type.Object({
  meetings: Type.Integer({ description: 'council meetings held in the period (the meetings module)' }),
  meetingsByLevel: Type.Object({
    compound: Type.Integer(),
    community: Type.Integer(),
    subdistrict: Type.Integer(),
    county: Type.Integer(),
  }),
  topicsDeliberated: Type.Integer({ description: 'topics of the pool deliberated in the period' }),
  topicsCollected: Type.Integer(),
  topicsAdmitted: Type.Integer(),
  topicsExcluded: Type.Integer(),
  topicsDecided: Type.Integer(),
  topicsResolved: Type.Integer(),
  redProjects: Type.Integer({ description: 'topics collected in the period handled as red projects (红色项目)' }),
  completionRate: Nullable(
    Type.Number({ description: 'share of the resolutions (else adopted topics) decided in the period that were completed, a fraction' }),
  ),
  satisfactionRate: Nullable(
    Type.Number({ description: 'share of satisfied survey answers on resolutions (else mean topic satisfaction), a fraction' }),
  ),
  averageDaysToDecision: Nullable(Type.Number()),
  averageDaysToCompletion: Nullable(Type.Number({ description: 'days from decision to completion of the completed resolutions' })),
  evaluationsOnTime: Nullable(Type.Number({ description: 'share of the monthly evaluations due that were made on time, a fraction' })),
  stations: Type.Integer({ description: 'stations in service under the place (now)' }),
  stationsByKind: Type.Record(Type.String(), Type.Integer(), {
    description: 'stations in service under the place by kind code (station, pavilion, party_station, neighbour_space …)',
  }),
  supervisionCommittees: Type.Integer(),
  supervisionMembers: Type.Integer(),
  publications: Type.Integer({ description: 'monthly notices (公示) published in the period' }),
  ideasReported: Type.Integer({ description: 'good ideas reported to the county in the period' }),
  byLevel: Type.Record(Type.String(), Type.Integer(), { description: 'topics collected by level' }),
  byStatus: Type.Record(Type.String(), Type.Integer(), { description: 'topics collected in the period by their state now' }),
  byMonth: Type.Array(KpiMonth),
  sources: Type.Object({ meetings: Type.String(), completion: Type.String(), satisfaction: Type.String() }),
});
export type DeliberationKpis = Static<typeof DeliberationKpis>;
