import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, type TSchema, Type } from 'typebox';
import {
  caseKinds,
  casePhotoStages,
  caseStatuses,
  fundingSources,
  renovationPhotoStages,
  renovationStatuses,
  scopeItems,
} from './vocabulary.ts';

// The HTTP contract of urban-cases. Imports only typebox and pure files: the web takes its types from here.

/** A union of the vocabulary's words, typed as those words (validated and documented as an anyOf of literals). */
const oneOf = <const T extends readonly string[]>(values: T, options: { description?: string } = {}) =>
  Type.Unsafe<T[number]>(
    Type.Union(
      values.map((v) => Type.Literal(v)),
      options,
    ),
  );
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const DateOnly = Type.String({ format: 'date' });
const Time = Type.String({ format: 'date-time' });

export const CaseKind = oneOf(caseKinds);
export const CaseStatus = oneOf(caseStatuses);
export const CasePhotoStage = oneOf(casePhotoStages);
export const ScopeItem = oneOf(scopeItems);
export const FundingSource = oneOf(fundingSources);
export const RenovationStatus = oneOf(renovationStatuses);
export const RenovationPhotoStage = oneOf(renovationPhotoStages);

/** Quantities in the kind's unit: more than 0; m² and tonnes take two decimals, the others are whole numbers. */
const Quantity = Type.Number({ exclusiveMinimum: 0, maximum: 100_000_000 });

// ---- Cases (城管进小区)

export const UrbanCase = Type.Object({
  id: Uuid,
  kind: CaseKind,
  unit: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  communityId: Nullable(Uuid),
  communityName: Nullable(Type.String()),
  description: Type.String(),
  quantity: Nullable(Type.Number()),
  departmentId: Nullable(Uuid),
  departmentName: Nullable(Type.String()),
  status: CaseStatus,
  source: Type.Union([Type.Literal('staff'), Type.Literal('resident')]),
  reportedAt: Time,
  assignedAt: Nullable(Time),
  closedAt: Nullable(Time),
  beforePhotos: Type.Integer(),
  afterPhotos: Type.Integer(),
  version: Type.Integer(),
});
export type UrbanCase = Static<typeof UrbanCase>;

export const CaseEvent = Type.Object({
  id: Uuid,
  action: Type.String(),
  fromStatus: Nullable(Type.String()),
  toStatus: Type.String(),
  note: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  at: Time,
});
export type CaseEvent = Static<typeof CaseEvent>;

export const Photo = Type.Object({
  id: Uuid,
  stage: Type.String(),
  caption: Nullable(Type.String()),
  fileName: Type.String(),
  uploadedAt: Time,
});
export type Photo = Static<typeof Photo>;

export const UrbanCaseDetail = Type.Object({
  ...UrbanCase.properties,
  events: Type.Array(CaseEvent),
  photos: Type.Array(Photo),
});
export type UrbanCaseDetail = Static<typeof UrbanCaseDetail>;

const CaseSort = oneOf(['reportedAt', '-reportedAt', 'quantity', '-quantity'] as const, {
  description: 'Sort key; - for descending (default -reportedAt)',
});

export const CaseFilter = {
  kind: Type.Optional(CaseKind),
  status: Type.Optional(CaseStatus),
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'A place: cases at it or under it' })),
  from: Type.Optional(Type.String({ format: 'date', description: 'Reported on or after (China time)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Reported before (China time)' })),
  sort: Type.Optional(CaseSort),
};
export const CaseListQuery = Type.Object({ ...PageQuery, ...CaseFilter });
export type CaseListQuery = Static<typeof CaseListQuery>;
export const CaseExportQuery = Type.Object(CaseFilter);
export const CasePage = Page(UrbanCase);

const Description = Type.String({ minLength: 1, maxLength: 2000 });
const Note = Type.String({ maxLength: 2000 });

export const CreateCaseBody = Type.Object({
  kind: CaseKind,
  nodeId: Type.String({ format: 'uuid', description: 'The compound or building' }),
  description: Description,
  quantity: Type.Optional(Quantity),
});
export type CreateCaseBody = Static<typeof CreateCaseBody>;

export const AssignCaseBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  departmentId: Type.String({ format: 'uuid', description: 'The county department that enforces it' }),
  note: Type.Optional(Note),
});
export type AssignCaseBody = Static<typeof AssignCaseBody>;

export const CloseCaseBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  quantity: Quantity,
  note: Type.Optional(Note),
});
export type CloseCaseBody = Static<typeof CloseCaseBody>;

/** A resident's report of a case in their own compound (from the phone). */
export const ReportCaseBody = Type.Object({
  kind: CaseKind,
  description: Description,
  compoundId: Type.Optional(Type.String({ format: 'uuid', description: 'Needed only when the resident lives in several compounds' })),
});
export type ReportCaseBody = Static<typeof ReportCaseBody>;

export const MyCase = Type.Object({
  id: Uuid,
  kind: CaseKind,
  nodeName: Type.String(),
  description: Type.String(),
  status: CaseStatus,
  reportedAt: Time,
  closedAt: Nullable(Time),
  quantity: Nullable(Type.Number()),
  unit: Type.String(),
  beforePhotos: Type.Integer(),
});
export type MyCase = Static<typeof MyCase>;
export const MyCaseList = Type.Object({ items: Type.Array(MyCase) });

// ---- Totals by period and territory

export const TotalsQuery = Type.Object({
  from: DateOnly,
  to: Type.String({ format: 'date', description: 'End of the period (exclusive)' }),
  nodeId: Type.Optional(Type.String({ format: 'uuid' })),
  by: Type.Optional(Type.Union([Type.Literal('subdistrict'), Type.Literal('community')], { description: 'Rows per street or community' })),
});
export type TotalsQuery = Static<typeof TotalsQuery>;

export const CaseFigureColumns = {
  illegalStructuresRemoved: Type.Integer(),
  illegalStructureAreaM2: Type.Number(),
  rubbishTonnes: Type.Number(),
  parkingSpaces: Type.Number(),
  chargers: Type.Number(),
  clutterCases: Type.Integer(),
  renovatedCompounds: Type.Integer(),
};
export const TotalsRow = Type.Object({ nodeId: Uuid, name: Type.String(), ...CaseFigureColumns });
export type TotalsRow = Static<typeof TotalsRow>;
export const Totals = Type.Object({
  rows: Type.Array(TotalsRow),
  total: Type.Object(CaseFigureColumns),
});
export type Totals = Static<typeof Totals>;

// ---- Renovation projects (老旧小区改造)

export const FundingLine = Type.Object({ source: FundingSource, amount: Type.Number({ minimum: 0, maximum: 1e11 }) });
export type FundingLine = Static<typeof FundingLine>;
export const Phase = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  plannedStart: Type.Optional(Nullable(DateOnly)),
  plannedEnd: Type.Optional(Nullable(DateOnly)),
  actualStart: Type.Optional(Nullable(DateOnly)),
  actualEnd: Type.Optional(Nullable(DateOnly)),
});
export type Phase = Static<typeof Phase>;

export const Renovation = Type.Object({
  id: Uuid,
  name: Type.String(),
  nodeId: Uuid,
  nodeName: Type.String(),
  compounds: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  scopeItems: Type.Array(Type.String()),
  scopeNote: Nullable(Type.String()),
  budget: Type.Number(),
  status: RenovationStatus,
  topicId: Nullable(Uuid),
  acceptedOn: Nullable(DateOnly),
  acceptanceNote: Nullable(Type.String()),
  createdAt: Time,
  version: Type.Integer(),
});
export type Renovation = Static<typeof Renovation>;

export const RenovationDetail = Type.Object({
  ...Renovation.properties,
  funding: Type.Array(FundingLine),
  phases: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      name: Type.String(),
      plannedStart: Nullable(DateOnly),
      plannedEnd: Nullable(DateOnly),
      actualStart: Nullable(DateOnly),
      actualEnd: Nullable(DateOnly),
    }),
  ),
  photos: Type.Array(Photo),
});
export type RenovationDetail = Static<typeof RenovationDetail>;

const RenovationSort = oneOf(['createdAt', '-createdAt', 'name', '-name'] as const, {
  description: 'Sort key; - for descending (default -createdAt)',
});
export const RenovationFilter = {
  status: Type.Optional(RenovationStatus),
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'Projects with a compound under this place' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name' })),
  sort: Type.Optional(RenovationSort),
};
export const RenovationListQuery = Type.Object({ ...PageQuery, ...RenovationFilter });
export type RenovationListQuery = Static<typeof RenovationListQuery>;
export const RenovationExportQuery = Type.Object(RenovationFilter);
export const RenovationPage = Page(Renovation);

const renovationFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  compoundIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 100, uniqueItems: true }),
  scopeItems: Type.Array(ScopeItem, { minItems: 1, maxItems: 6, uniqueItems: true }),
  scopeNote: Type.Optional(Type.String({ maxLength: 2000 })),
  budget: Type.Number({ minimum: 0, maximum: 1e11, description: 'Yuan' }),
  funding: Type.Array(FundingLine, { maxItems: 6, description: 'Amounts by source; they sum to the budget' }),
  phases: Type.Array(Phase, { maxItems: 20 }),
  topicId: Type.Optional(Type.String({ format: 'uuid', description: 'The residents’ consultation: a deliberation topic' })),
};
export const CreateRenovationBody = Type.Object(renovationFields);
export type CreateRenovationBody = Static<typeof CreateRenovationBody>;
export const UpdateRenovationBody = Type.Object({ version: Type.Integer({ minimum: 1 }), ...renovationFields });
export type UpdateRenovationBody = Static<typeof UpdateRenovationBody>;

export const StartRenovationBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
export const AcceptRenovationBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  acceptedOn: DateOnly,
  note: Type.Optional(Note),
});
export type AcceptRenovationBody = Static<typeof AcceptRenovationBody>;

export const RenovationCountsQuery = Type.Object({ nodeId: Type.Optional(Type.String({ format: 'uuid' })) });
export const RenovationCounts = Type.Object({ planned: Type.Integer(), in_progress: Type.Integer(), accepted: Type.Integer() });
export type RenovationCounts = Static<typeof RenovationCounts>;

// ---- The figures other modules read (the property KPIs)

export interface UrbanCaseFigures {
  illegalStructuresRemoved: number;
  illegalStructureAreaM2: number;
  rubbishTonnes: number;
  parkingSpaces: number;
  chargers: number;
  clutterCases: number;
  renovatedCompounds: number;
  renovationProjectsByStatus: Record<string, number>;
}
