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
      score: Nullable(Type.Number()),
      ratings: Type.Integer(),
      rank: Type.Integer(),
      of: Type.Integer(),
    }),
  ),
});
export type MyEvaluation = Static<typeof MyEvaluation>;
