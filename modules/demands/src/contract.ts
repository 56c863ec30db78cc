/** Request and response schemas of the demands API. Each enum's words come from vocabulary.ts. */
import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import {
  demandActions,
  demandChannels,
  demandStatuses,
  demandTypes,
  handlingLevels,
  inboxTabs,
  reporterKinds,
  satisfactions,
  urgencies,
} from './vocabulary.ts';

export { demandChannels, demandTypes, inboxTabs, reporterKinds, satisfactions, urgencies } from './vocabulary.ts';

export const demandSorts = ['submittedAt', '-submittedAt', 'resolveDueAt', '-resolveDueAt'] as const;

export const Channel = Type.Enum(demandChannels);
export type Channel = Static<typeof Channel>;
export const DemandType = Type.Enum(demandTypes);
export type DemandType = Static<typeof DemandType>;
export const Urgency = Type.Enum(urgencies);
export type Urgency = Static<typeof Urgency>;
export const Satisfaction = Type.Enum(satisfactions);
export type Satisfaction = Static<typeof Satisfaction>;
export const Level = Type.Enum(handlingLevels);
export const Status = Type.Enum(demandStatuses);
export const Action = Type.Enum(demandActions);
export const InboxTab = Type.Enum(inboxTabs);
export type InboxTab = Static<typeof InboxTab>;
export const DemandSort = Type.Enum(demandSorts, { default: '-submittedAt' });
export type DemandSort = Static<typeof DemandSort>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });
const Note = Type.String({ minLength: 1, maxLength: 1000 });
const Reason = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' });
const Version = Type.Optional(Type.Integer({ minimum: 1, description: 'the version the caller saw; a newer one gives 409' }));

export const UnitRef = Type.Object({
  kind: Type.Enum(['node', 'department']),
  id: Uuid,
  name: Type.String(),
});
export type UnitRef = Static<typeof UnitRef>;

/** A demand in lists: reporter contact masked, never the stored forms. */
export const Demand = Type.Object({
  id: Uuid,
  number: Type.String(),
  title: Type.String(),
  channel: Channel,
  type: DemandType,
  categoryId: Uuid,
  categoryName: Type.String(),
  urgency: Urgency,
  status: Status,
  level: Level,
  nodeId: Uuid,
  locationPath: Type.Array(Type.String(), { description: 'names from the subdistrict down to the location node' }),
  address: Nullable(Type.String()),
  handlingUnit: Nullable(UnitRef),
  firstReceiver: Nullable(UnitRef),
  reporterKind: Type.Enum(reporterKinds),
  reporterName: Nullable(Type.String({ description: 'masked, e.g. 王** (unmasked for the reporter themself)' })),
  reporterPhone: Nullable(Type.String({ description: 'masked, e.g. 138****5678' })),
  staffOnly: Type.Boolean({ description: '仅工作人员可见: never published on the notice board or through Open311' }),
  externalId: Nullable(Type.String()),
  submittedAt: DateTime,
  responseDueAt: DateTime,
  resolveDueAt: DateTime,
  respondedAt: Nullable(DateTime),
  resolvedAt: Nullable(DateTime),
  closedAt: Nullable(DateTime),
  satisfaction: Nullable(Satisfaction),
  supervised: Type.Boolean(),
  extensionRequestedUntil: Nullable(DateTime),
  deadlineState: Nullable(Type.Enum(['on_time', 'due_soon', 'overdue'])),
  version: Type.Integer(),
});
export type Demand = Static<typeof Demand>;

export const TimelineEntry = Type.Object({
  seq: Type.Integer(),
  at: DateTime,
  actorName: Nullable(Type.String()),
  action: Type.String(),
  fromStatus: Nullable(Status),
  toStatus: Status,
  note: Nullable(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type TimelineEntry = Static<typeof TimelineEntry>;

export const attachmentStages = ['intake', 'resolution'] as const;
export const AttachmentStage = Type.Enum(attachmentStages);
export type AttachmentStage = Static<typeof AttachmentStage>;

/** A photo or file of a demand: uploaded first, then linked by the submission or the resolution. */
export const Attachment = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String({ description: 'recognised from the content, not taken from the client' }),
  size: Type.Integer(),
  stage: Nullable(AttachmentStage),
  uploadedAt: DateTime,
});
export type Attachment = Static<typeof Attachment>;

const AttachmentIds = Type.Optional(
  Type.Array(Uuid, { maxItems: 9, uniqueItems: true, description: 'uploads of the caller (POST /demand-attachments) to link' }),
);

export const DemandDetail = Type.Intersect([
  Demand,
  Type.Object({
    description: Type.String(),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
    result: Nullable(Type.String()),
    rejectReason: Nullable(Type.String()),
    extensionReason: Nullable(Type.String()),
    mergedIntoId: Nullable(Uuid),
    reopenCount: Type.Integer(),
    escalationCount: Type.Integer(),
    timeline: Type.Array(TimelineEntry),
    attachments: Type.Array(Attachment),
    allowedActions: Type.Array(Action, { description: 'what the caller may do now; the server still checks' }),
  }),
]);
export type DemandDetail = Static<typeof DemandDetail>;

export const SubmitDemandBody = Type.Object(
  {
    channel: Type.Optional(Channel),
    type: DemandType,
    categoryId: Uuid,
    urgency: Type.Optional(Urgency),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    description: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
    nodeId: Uuid,
    address: Type.Optional(Type.String({ maxLength: 200 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    reporter: Type.Optional(
      Type.Object(
        {
          kind: Type.Enum(['caller', 'anonymous']),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
          phone: Type.Optional(Type.String({ maxLength: 30 })),
        },
        { additionalProperties: false, description: 'staff intake only; a resident is always the reporter of their own demand' },
      ),
    ),
    externalId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'e.g. the 12345 work-order number' })),
    level: Type.Optional(Level),
    submittedAt: Type.Optional(Type.String({ format: 'date-time', description: 'staff intake of an earlier contact' })),
    staffOnly: Type.Optional(
      Type.Boolean({
        default: false,
        description: '仅工作人员可见: the reporter (or staff for a caller) keeps the demand off the notice board and Open311',
      }),
    ),
    attachmentIds: AttachmentIds,
  },
  { additionalProperties: false },
);
export type SubmitDemandBody = Static<typeof SubmitDemandBody>;

const withVersion = <P extends Record<string, Parameters<typeof Type.Object>[0][string]>>(props: P) =>
  Type.Object({ ...props, version: Version }, { additionalProperties: false });

export const NoteBody = withVersion({ note: Type.Optional(Note) });
export type NoteBody = Static<typeof NoteBody>;
export const ReasonBody = withVersion({ reason: Reason });
export type ReasonBody = Static<typeof ReasonBody>;
export const DispatchBody = withVersion({
  level: Type.Optional(Level),
  nodeId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
  note: Type.Optional(Note),
});
export type DispatchBody = Static<typeof DispatchBody>;
export const TransferBody = withVersion({
  level: Type.Optional(Level),
  nodeId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
  reason: Reason,
});
export type TransferBody = Static<typeof TransferBody>;
export const EscalateBody = withVersion({ reason: Reason, departmentId: Type.Optional(Uuid) });
export type EscalateBody = Static<typeof EscalateBody>;
export const ResolveBody = withVersion({
  result: Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' }),
  attachmentIds: AttachmentIds,
});
export type ResolveBody = Static<typeof ResolveBody>;
export const EvaluateBody = withVersion({ satisfaction: Satisfaction, note: Type.Optional(Note) });
export type EvaluateBody = Static<typeof EvaluateBody>;
export const ExtensionRequestBody = withVersion({ until: DateTime, reason: Reason });
export type ExtensionRequestBody = Static<typeof ExtensionRequestBody>;
export const ExtensionDecisionBody = withVersion({ approve: Type.Boolean(), note: Type.Optional(Note) });
export type ExtensionDecisionBody = Static<typeof ExtensionDecisionBody>;
export const MergeBody = withVersion({ intoId: Uuid, note: Type.Optional(Note) });
export type MergeBody = Static<typeof MergeBody>;
export const SuperviseBody = withVersion({ note: Note });
export type SuperviseBody = Static<typeof SuperviseBody>;
export const CallbackBody = withVersion({
  reached: Type.Boolean(),
  resultConfirmed: Type.Optional(Type.Boolean()),
  satisfaction: Type.Optional(Satisfaction),
  note: Type.Optional(Note),
});
export type CallbackBody = Static<typeof CallbackBody>;

export const DemandFilter = {
  tab: Type.Optional(InboxTab),
  status: Type.Optional(Status),
  categoryId: Type.Optional(Uuid),
  channel: Type.Optional(Channel),
  level: Type.Optional(Level),
  q: Type.Optional(
    Type.String({ minLength: 1, maxLength: 100, description: 'part of the title, description or number; or an exact phone' }),
  ),
  nodeId: Type.Optional(Uuid),
  sort: Type.Optional(DemandSort),
};
export const DemandListQuery = Type.Object({ ...DemandFilter, ...PageQuery }, { additionalProperties: false });
export type DemandListQuery = Static<typeof DemandListQuery>;
export const DemandExportQuery = Type.Object(DemandFilter, { additionalProperties: false });
export const MyDemandQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
export const DemandPage = Page(Demand);
export const IdParams = Type.Object({ id: Uuid });

export const Category = Type.Object({
  id: Uuid,
  parentId: Nullable(Uuid),
  code: Type.String(),
  name: Type.String(),
  defaultLevel: Level,
  defaultDepartmentId: Nullable(Uuid),
  /** false: retired — no new demands; listed only with includeInactive. */
  active: Type.Boolean(),
  /** false: its demands are never published (notice board, Open311), e.g. 家庭矛盾. */
  isPublic: Type.Boolean(),
  version: Type.Integer({ description: 'starts at 1 and goes up with every save; send it back with PATCH to refuse a stale edit' }),
  deadlines: Type.Array(
    Type.Object({
      urgency: Urgency,
      /** null: the rule for every type. */
      type: Nullable(DemandType),
      responseValue: Type.Integer(),
      responseUnit: Type.Enum(['hours', 'working_days']),
      resolveValue: Type.Integer(),
      resolveUnit: Type.Enum(['hours', 'working_days']),
      inherited: Type.Boolean(),
    }),
  ),
});
export type Category = Static<typeof Category>;
export type CategoryNode = Category & { children: CategoryNode[] };
// A category with `children` of the same shape, to any depth (serialised as given).
export const CategoryTree = Type.Object({
  items: Type.Array(
    Type.Unsafe<CategoryNode>({ type: 'object', additionalProperties: true, description: 'Category with children: Category[]' }),
  ),
});

export const CategoryListQuery = Type.Object(
  {
    includeInactive: Type.Optional(
      Type.Boolean({ default: false, description: 'also the retired categories (demand.configure on the county, else 403)' }),
    ),
  },
  { additionalProperties: false },
);
export type CategoryListQuery = Static<typeof CategoryListQuery>;

export const DeadlineRuleInput = Type.Object(
  {
    urgency: Urgency,
    type: Type.Optional(
      Type.Union([DemandType, Type.Null()], {
        description:
          'the demand type the rule is for; left out or null: every type. A rule for the type wins over the rules for every type',
      }),
    ),
    responseValue: Type.Integer({ minimum: 1, maximum: 8760 }),
    responseUnit: Type.Enum(['hours', 'working_days']),
    resolveValue: Type.Integer({ minimum: 1, maximum: 8760 }),
    resolveUnit: Type.Enum(['hours', 'working_days']),
  },
  { additionalProperties: false },
);
export type DeadlineRuleInput = Static<typeof DeadlineRuleInput>;
const CategoryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: 'stable code, e.g. noise' });
const CategoryName = Type.String({ minLength: 1, maxLength: 30, pattern: '\\S' });
const Deadlines = Type.Array(DeadlineRuleInput, {
  maxItems: 21,
  description: 'own rules per urgency and (optionally) demand type; an urgency or type left out is inherited',
});

export const CreateCategoryBody = Type.Object(
  {
    parentId: Type.Optional(Uuid),
    code: CategoryCode,
    name: CategoryName,
    defaultLevel: Level,
    defaultDepartmentId: Type.Optional(Uuid),
    deadlines: Type.Optional(Deadlines),
  },
  { additionalProperties: false },
);
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = Type.Object(
  {
    name: Type.Optional(CategoryName),
    defaultLevel: Type.Optional(Level),
    defaultDepartmentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
    isPublic: Type.Optional(
      Type.Boolean({ description: 'false: demands of this category are never published on the notice board or through Open311' }),
    ),
    deadlines: Type.Optional(Deadlines),
    version: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'the version the caller read; when someone saved the category since, 409 with details.version (the current one)',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

/** Deadline settings of the county (tenant.settings.demands). */
export const DeadlineSettings = Type.Object({
  /** Escalate an overdue demand one level automatically (the deadline job). */
  autoEscalate: Type.Boolean(),
  /** Days after a dissatisfied evaluation in which the reporter may reopen. */
  reopenWindowDays: Type.Integer(),
});
export type DeadlineSettings = Static<typeof DeadlineSettings>;

export const UpdateDeadlineSettingsBody = Type.Object(
  {
    autoEscalate: Type.Optional(Type.Boolean()),
    reopenWindowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateDeadlineSettingsBody = Static<typeof UpdateDeadlineSettingsBody>;
