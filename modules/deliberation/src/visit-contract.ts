import { Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';
import { type VisitOutcome as Outcome, type VisitState as State, visitOutcomes, visitStates } from './visit-vocabulary.ts';

// The HTTP contract of quarterly home visits (每季度开展1次全覆盖入户走访). Imports only typebox and
// pure files: the web takes its types from here (with `import type`) and its values from visit-vocabulary.ts.

export { percent, quarterDays, quarterOf, visitOutcomes, visitStates } from './visit-vocabulary.ts';

export type VisitOutcome = Outcome;
export const VisitOutcome = Type.Enum(visitOutcomes);
export type VisitState = State;
export const VisitState = Type.Enum(visitStates);

export const Quarter = Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', description: 'YYYY-Qn, the calendar quarter in China time' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });

/** One grid's coverage in a quarter. */
export const VisitCoverage = Type.Object({
  planId: Uuid,
  gridId: Uuid,
  gridName: Type.String(),
  communityId: Uuid,
  communityName: Type.String(),
  /** Households under the grid's buildings now. */
  households: Type.Integer(),
  visited: Type.Integer(),
  notHome: Type.Integer(),
  refused: Type.Integer(),
  /** Visited ÷ households, in percent with one decimal. */
  coverage: Type.Number(),
  /** Visits that raised something, and of those the ones taken into the topic pool. */
  raised: Type.Integer(),
  topics: Type.Integer(),
});
export type VisitCoverage = Static<typeof VisitCoverage>;

export const VisitCoverageQuery = Type.Object({
  quarter: Quarter,
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'only grids of this community (or of the communities under it)' })),
});
export type VisitCoverageQuery = Static<typeof VisitCoverageQuery>;

export const VisitCoverageList = Type.Object({
  quarter: Type.String(),
  items: Type.Array(VisitCoverage),
  total: Type.Object({
    households: Type.Integer(),
    visited: Type.Integer(),
    notHome: Type.Integer(),
    refused: Type.Integer(),
    coverage: Type.Number(),
  }),
  /** Grids in scope that have no plan for the quarter yet. */
  gridsWithoutPlan: Type.Integer(),
});
export type VisitCoverageList = Static<typeof VisitCoverageList>;

export const CreateVisitPlansBody = Type.Object(
  {
    quarter: Quarter,
    nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'only the grids of this place; all grids in scope without it' })),
  },
  { additionalProperties: false },
);
export type CreateVisitPlansBody = Static<typeof CreateVisitPlansBody>;

export const CreatedVisitPlans = Type.Object({
  quarter: Type.String(),
  created: Type.Integer({ description: 'plans made now' }),
  existing: Type.Integer({ description: 'grids that had their plan already' }),
});
export type CreatedVisitPlans = Static<typeof CreatedVisitPlans>;

/** A household of a plan with its visit state. */
export const PlanHousehold = Type.Object({
  householdId: Uuid,
  /** Compound, building, entrance and door, e.g. ["凤凰小区", "1号楼", "1单元", "101"]. */
  place: Type.Array(Type.String()),
  state: VisitState,
  visitId: Type.Union([Uuid, Type.Null()]),
  visitedOn: Type.Union([Type.String(), Type.Null()]),
  visitorName: Type.Union([Type.String(), Type.Null()]),
  raised: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  topicId: Type.Union([Uuid, Type.Null()]),
  topicNumber: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.Integer(), Type.Null()]),
});
export type PlanHousehold = Static<typeof PlanHousehold>;

export const PlanHouseholdQuery = Type.Object({
  state: Type.Optional(VisitState),
  q: Type.Optional(Type.String({ maxLength: 50, description: 'words of the building, entrance or door' })),
});
export type PlanHouseholdQuery = Static<typeof PlanHouseholdQuery>;

export const PlanHouseholdList = Type.Object({
  plan: Type.Object({ id: Uuid, quarter: Type.String(), gridId: Uuid, gridName: Type.String(), communityName: Type.String() }),
  items: Type.Array(PlanHousehold),
});
export type PlanHouseholdList = Static<typeof PlanHouseholdList>;

export const RecordVisitBody = Type.Object(
  {
    householdId: Uuid,
    visitedOn: Day,
    outcome: VisitOutcome,
    raised: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
    version: Type.Optional(Type.Integer({ minimum: 1, description: "the version of the household's visit seen (409 when it moved on)" })),
  },
  { additionalProperties: false },
);
export type RecordVisitBody = Static<typeof RecordVisitBody>;

export const VisitAttempt = Type.Object({
  seq: Type.Integer(),
  visitedOn: Type.String(),
  visitorName: Type.Union([Type.String(), Type.Null()]),
  outcome: VisitOutcome,
  raised: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type VisitAttempt = Static<typeof VisitAttempt>;

/** A visit with every attempt, as a write answers it. */
export const Visit = Type.Object({
  id: Uuid,
  planId: Uuid,
  quarter: Type.String(),
  householdId: Uuid,
  place: Type.Array(Type.String()),
  visitedOn: Type.String(),
  visitorName: Type.Union([Type.String(), Type.Null()]),
  outcome: VisitOutcome,
  raised: Type.Union([Type.String(), Type.Null()]),
  topicId: Type.Union([Uuid, Type.Null()]),
  topicNumber: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  attempts: Type.Array(VisitAttempt),
});
export type Visit = Static<typeof Visit>;

export const RaiseVisitTopicBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    /** What the topic is about; the visit's raised text when absent. */
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 5000, pattern: '\\S' })),
    stationId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
export type RaiseVisitTopicBody = Static<typeof RaiseVisitTopicBody>;
