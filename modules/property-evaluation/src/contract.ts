import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, Type } from 'typebox';

// The HTTP contract of property-service evaluation (物业服务评价). Imports only typebox and pure
// files: the web takes its types from here.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const DateString = Type.String({ format: 'date' });
const Stars = Type.Integer({ minimum: 1, maximum: 5 });
const Period = Type.String({ pattern: '^[0-9]{4}-Q[1-4]$', description: 'the quarter rated, e.g. 2026-Q4' });

export const Round = Type.Object({
  id: Uuid,
  nodeId: Uuid,
  nodeName: Type.String(),
  period: Type.String(),
  opensOn: Type.String(),
  closesOn: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  ratings: Type.Integer({ description: 'households that have rated' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Round = Static<typeof Round>;

export const RoundFilter = {
  nodeId: Type.Optional(Uuid),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  sort: Type.Optional(Type.Union([Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};
export const RoundListQuery = Type.Object({ ...PageQuery, ...RoundFilter });
export type RoundListQuery = Static<typeof RoundListQuery>;
export const RoundExportQuery = Type.Object(RoundFilter);
export const RoundPage = Page(Round);

export const OpenRoundBody = Type.Object({
  nodeId: Uuid,
  period: Period,
  opensOn: DateString,
  closesOn: DateString,
});
export type OpenRoundBody = Static<typeof OpenRoundBody>;

export const Averages = Type.Object({
  cleaning: Type.Number(),
  security: Type.Number(),
  greening: Type.Number(),
  repairs: Type.Number(),
  manners: Type.Number(),
  fees: Type.Number(),
});

export const RankingRow = Type.Object({
  rank: Type.Integer(),
  id: Type.String({ description: 'the compound id, or the company id (empty: compounds without a company)' }),
  name: Type.String(),
  communityName: Type.String({ description: 'the compound’s community; the compounds’ count for a company' }),
  compounds: Type.Integer(),
  ratings: Type.Integer(),
  households: Type.Integer(),
  coverage: Nullable(Type.Number({ description: 'ratings ÷ households, 0..1' })),
  averages: Averages,
  score: Nullable(Type.Number({ description: 'out of 100: the mean of the dimensions’ averages × 20' })),
});
export type RankingRow = Static<typeof RankingRow>;

export const RankingQuery = Type.Object({
  by: Type.Optional(Type.Union([Type.Literal('compound'), Type.Literal('company')], { default: 'compound' })),
  nodeId: Type.Optional(Uuid),
  minRatings: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, description: 'only rows with at least this many ratings' })),
  sort: Type.Optional(
    Type.Union([Type.Literal('score'), Type.Literal('-score'), Type.Literal('ratings'), Type.Literal('-ratings'), Type.Literal('name')]),
  ),
});
export type RankingQuery = Static<typeof RankingQuery>;
export const Ranking = Type.Object({ round: Round, rows: Type.Array(RankingRow) });
export type Ranking = Static<typeof Ranking>;

export const RateBody = Type.Object({
  roundId: Uuid,
  cleaning: Stars,
  security: Stars,
  greening: Stars,
  repairs: Stars,
  manners: Stars,
  fees: Stars,
  comment: Type.Optional(Type.String({ maxLength: 500 })),
});
export type RateBody = Static<typeof RateBody>;

export const MyRating = Type.Object({
  cleaning: Stars,
  security: Stars,
  greening: Stars,
  repairs: Stars,
  manners: Stars,
  fees: Stars,
  comment: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
});

/** What the resident's phone shows: the open round of their compound, their rating, the last results. */
export const MyEvaluation = Type.Object({
  compound: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  company: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  round: Nullable(Type.Object({ id: Uuid, period: Type.String(), closesOn: Type.String() })),
  myRating: Nullable(MyRating),
  lastResult: Nullable(
    Type.Object({
      period: Type.String(),
      placeName: Type.String({ description: 'the place the round covered: the rank is among its compounds' }),
      score: Nullable(
        Type.Number({ description: 'the combined score kept at close (residents’ score for rounds closed before it existed)' }),
      ),
      residentScore: Type.Optional(Nullable(Type.Number({ description: 'the residents’ ratings part out of 100' }))),
      ratings: Type.Integer(),
      rank: Type.Integer(),
      of: Type.Integer(),
    }),
  ),
});
export type MyEvaluation = Static<typeof MyEvaluation>;

// ---- staff inspections (物业服务检查) and the county's checklist

export const ChecklistItem = Type.Object({ id: Uuid, label: Type.String(), position: Type.Integer() });
export const Checklist = Type.Object({ items: Type.Array(ChecklistItem) });
export type Checklist = Static<typeof Checklist>;
export const ChecklistBody = Type.Object({
  labels: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    minItems: 1,
    maxItems: 50,
    description: 'the checklist in order: labels kept stay the same item, missing ones are retired, new ones added',
  }),
});
export type ChecklistBody = Static<typeof ChecklistBody>;

export const InspectionResult = Type.Object({
  itemId: Uuid,
  label: Type.String(),
  passed: Type.Boolean(),
  note: Nullable(Type.String()),
});
export const InspectionPhoto = Type.Object({
  id: Uuid,
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedAt: Type.String({ format: 'date-time' }),
});
export const Inspection = Type.Object({
  id: Uuid,
  compoundId: Uuid,
  compoundName: Type.String(),
  communityName: Type.String(),
  companyId: Nullable(Uuid),
  companyName: Nullable(Type.String({ description: 'the company serving the compound on the day (as it was then)' })),
  inspectedOn: Type.String({ format: 'date' }),
  inspectorName: Type.String(),
  note: Nullable(Type.String()),
  items: Type.Integer(),
  passed: Type.Integer(),
  passRate: Type.Number({ description: 'passed ÷ items, 0..1' }),
  photos: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Inspection = Static<typeof Inspection>;
export const InspectionDetail = Type.Intersect([
  Inspection,
  Type.Object({ results: Type.Array(InspectionResult), photoList: Type.Array(InspectionPhoto) }),
]);
export type InspectionDetail = Static<typeof InspectionDetail>;

export const InspectionFilter = {
  nodeId: Type.Optional(Uuid),
  companyId: Type.Optional(Uuid),
  from: Type.Optional(DateString),
  to: Type.Optional(DateString),
  sort: Type.Optional(
    Type.Union([Type.Literal('inspectedOn'), Type.Literal('-inspectedOn'), Type.Literal('passRate'), Type.Literal('-passRate')]),
  ),
};
export const InspectionListQuery = Type.Object({ ...PageQuery, ...InspectionFilter });
export type InspectionListQuery = Static<typeof InspectionListQuery>;
export const InspectionExportQuery = Type.Object(InspectionFilter);
export const InspectionPage = Page(Inspection);

export const RecordInspectionBody = Type.Object({
  compoundId: Uuid,
  inspectedOn: DateString,
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  results: Type.Array(Type.Object({ itemId: Uuid, passed: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) }), {
    minItems: 1,
    maxItems: 50,
    description: 'one result for every active checklist item',
  }),
});
export type RecordInspectionBody = Static<typeof RecordInspectionBody>;

// ---- combined score (综合得分) and the county's weights

export const Weights = Type.Object({
  version: Type.Integer({ description: '0: the defaults' }),
  residents: Type.Number({ minimum: 0, maximum: 1 }),
  demands: Type.Number({ minimum: 0, maximum: 1 }),
  inspections: Type.Number({ minimum: 0, maximum: 1 }),
  note: Nullable(Type.String()),
  createdAt: Nullable(Type.String()),
});
export type Weights = Static<typeof Weights>;
export const WeightsBody = Type.Object({
  residents: Type.Number({ minimum: 0, maximum: 1 }),
  demands: Type.Number({ minimum: 0, maximum: 1 }),
  inspections: Type.Number({ minimum: 0, maximum: 1 }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type WeightsBody = Static<typeof WeightsBody>;

export const ScoreRow = Type.Object({
  rank: Type.Integer(),
  id: Uuid,
  name: Type.String(),
  communityName: Type.String({ description: 'the compound’s community (empty for a company)' }),
  compounds: Type.Integer(),
  combined: Nullable(Type.Number({ description: 'out of 100: the weighted mean of the parts that have data' })),
  residentScore: Nullable(Type.Number()),
  ratings: Type.Integer(),
  demandsResolved: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
  demandsEvaluated: Type.Integer(),
  satisfactionRate: Nullable(Type.Number()),
  demandScore: Nullable(Type.Number()),
  inspectionItems: Type.Integer(),
  inspectionPassed: Type.Integer(),
  inspectionScore: Nullable(Type.Number()),
});
export type ScoreRow = Static<typeof ScoreRow>;
export const Scores = Type.Object({
  round: Round,
  final: Type.Boolean({ description: 'true: kept when the round closed; false: computed now (the round is open)' }),
  weights: Weights,
  from: Type.String({ description: 'first day of the period the demands and inspections are counted in' }),
  to: Type.String(),
  rows: Type.Array(ScoreRow),
});
export type Scores = Static<typeof Scores>;
export const ScoresQuery = Type.Object({
  by: Type.Optional(Type.Union([Type.Literal('compound'), Type.Literal('company')], { default: 'compound' })),
  sort: Type.Optional(Type.Union([Type.Literal('rank'), Type.Literal('-rank'), Type.Literal('name')])),
});
export type ScoresQuery = Static<typeof ScoresQuery>;
