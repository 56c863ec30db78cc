import { Page, PageQuery, Uuid } from '@linli/core/contract-types';
import { type Static, type TSchema, Type } from 'typebox';
import { ruleNames } from './decision.ts';
import { ballotMethods, passBases, voterUnits, weightings } from './vocabulary.ts';

// The HTTP contract of ballots. Imports only typebox and pure files: the web takes its types from here.

const union = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v))) as TSchema;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Area = Type.Number({ minimum: 0, maximum: 1e9, description: 'm², two decimals' });

export const BallotSubject = Type.Object({
  kind: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$', description: "What the ballot decides, e.g. 'meeting_item', 'owners_decision'" }),
  id: Type.Optional(Nullable(Uuid)),
  title: Type.String({ minLength: 1, maxLength: 200 }),
});
export type BallotSubject = Static<typeof BallotSubject>;

export const Fraction = Type.Object({ num: Type.Integer({ minimum: 0, maximum: 1000 }), den: Type.Integer({ minimum: 1, maximum: 1000 }) });

export const CreateBallotBody = Type.Object({
  placeId: Uuid,
  subject: BallotSubject,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  method: union(ballotMethods),
  voterUnit: union(voterUnits),
  weighting: Type.Optional(union(weightings)),
  rule: union(ruleNames),
  /** Only with rule 'custom'. */
  quorum: Type.Optional(Fraction),
  pass: Type.Optional(Type.Object({ ...Fraction.properties, strict: Type.Boolean(), basis: union(passBases) })),
  options: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { minItems: 1, maxItems: 50 }),
  maxChoices: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  maxProxies: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  allowChange: Type.Optional(Type.Boolean()),
  anonymous: Type.Optional(Type.Boolean()),
});
export type CreateBallotBody = {
  placeId: string;
  subject: BallotSubject;
  title: string;
  method: (typeof ballotMethods)[number];
  voterUnit: (typeof voterUnits)[number];
  weighting?: (typeof weightings)[number];
  rule: (typeof ruleNames)[number];
  quorum?: { num: number; den: number };
  pass?: { num: number; den: number; strict: boolean; basis: (typeof passBases)[number] };
  options: string[];
  maxChoices?: number;
  maxProxies?: number;
  allowChange?: boolean;
  anonymous?: boolean;
};

export const BallotOption = Type.Object({ id: Type.Integer(), label: Type.String() });

export const BallotOutcome = Type.Object({
  id: Type.Integer(),
  label: Type.String(),
  voters: Type.Integer(),
  area: Type.Number(),
  share: Type.Number(),
  areaShare: Nullable(Type.Number()),
  passed: Type.Boolean(),
});
export const Counts = Type.Object({ voters: Type.Integer(), area: Type.Number() });
export const BallotResult = Type.Object({
  quorumMet: Type.Boolean(),
  turnout: Type.Number(),
  areaTurnout: Nullable(Type.Number()),
  cast: Counts,
  roll: Counts,
  options: Type.Array(BallotOutcome),
});
export type BallotResult = Static<typeof BallotResult>;

export const BallotListItem = Type.Object({
  id: Uuid,
  title: Type.String(),
  placeId: Uuid,
  placeName: Type.String(),
  subjectKind: Type.String(),
  subjectTitle: Type.String(),
  method: Type.String(),
  voterUnit: Type.String(),
  rule: Type.String(),
  status: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type BallotListItem = Static<typeof BallotListItem>;

export const Ballot = Type.Object({
  ...BallotListItem.properties,
  subjectId: Nullable(Uuid),
  weighting: Type.String(),
  quorum: Fraction,
  pass: Type.Object({ ...Fraction.properties, strict: Type.Boolean(), basis: Type.String() }),
  maxChoices: Type.Integer(),
  maxProxies: Type.Integer(),
  allowChange: Type.Boolean(),
  anonymous: Type.Boolean(),
  openedAt: Nullable(Type.String({ format: 'date-time' })),
  options: Type.Array(BallotOption),
  /** The frozen roll (from opening). */
  roll: Nullable(Counts),
  /** Ballots cast so far (online) — turnout, not how anyone voted. */
  castSoFar: Nullable(Type.Integer()),
  /** Hidden (null) until the ballot is closed. */
  result: Nullable(BallotResult),
});
export type Ballot = Static<typeof Ballot>;

export const BallotFilter = {
  nodeId: Type.Optional(Type.String({ format: 'uuid', description: 'Ballots of this place and the places under it' })),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('open'), Type.Literal('closed')])),
  subjectKind: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title' })),
  sort: Type.Optional(Type.Union([Type.Literal('title'), Type.Literal('-title'), Type.Literal('createdAt'), Type.Literal('-createdAt')])),
};
export const BallotListQuery = Type.Object({ ...PageQuery, ...BallotFilter });
export const BallotExportQuery = Type.Object(BallotFilter);
export const BallotPage = Page(BallotListItem);

export const TallyBody = Type.Object({
  cast: Type.Object({ voters: Type.Integer({ minimum: 0, maximum: 1_000_000 }), area: Type.Optional(Area) }),
  options: Type.Array(
    Type.Object({
      id: Type.Integer({ minimum: 1, maximum: 50 }),
      voters: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
      area: Type.Optional(Area),
    }),
    { maxItems: 50 },
  ),
  /** Required when a number already entered changes. */
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
});
export type TallyBody = Static<typeof TallyBody>;

export const TallyEntry = Type.Object({
  optionId: Type.Integer(),
  version: Type.Integer(),
  voters: Type.Integer(),
  area: Nullable(Type.Number()),
  reason: Nullable(Type.String()),
  enteredByName: Nullable(Type.String()),
  enteredAt: Type.String({ format: 'date-time' }),
});
export type TallyEntry = Static<typeof TallyEntry>;
export const TallyHistory = Type.Object({ items: Type.Array(TallyEntry) });

export const ProxyBody = Type.Object({ grantorId: Uuid, holderId: Uuid });
export type ProxyBody = Static<typeof ProxyBody>;
export const BallotProxy = Type.Object({
  grantorId: Uuid,
  grantorName: Type.String(),
  holderId: Uuid,
  holderName: Type.String(),
  registeredAt: Type.String({ format: 'date-time' }),
});
export type BallotProxy = Static<typeof BallotProxy>;
export const ProxyList = Type.Object({ items: Type.Array(BallotProxy) });

export const CastBody = Type.Object({
  /** Option ids; an empty list is a blank ballot. */
  options: Type.Array(Type.Integer({ minimum: 1, maximum: 50 }), { maxItems: 50 }),
  /** A random value made on the phone (at least 128 bits, base64url) and kept there; a change presents it again. */
  receipt: Type.String({ pattern: '^[A-Za-z0-9_-]{22,86}$' }),
  /** Vote as proxy holder for this voter of the roll. */
  forVoterId: Type.Optional(Uuid),
  /** Which of the caller's households votes (when they have several). */
  householdId: Type.Optional(Uuid),
});
export type CastBody = Static<typeof CastBody>;
export const CastResult = Type.Object({ outcome: union(['cast', 'changed', 'unchanged'] as const), changed: Type.Boolean() });
export type CastResult = { outcome: 'cast' | 'changed' | 'unchanged'; changed: boolean };

export const MyBallot = Type.Object({
  id: Uuid,
  title: Type.String(),
  subjectTitle: Type.String(),
  placeName: Type.String(),
  status: Type.String(),
  voterUnit: Type.String(),
  maxChoices: Type.Integer(),
  allowChange: Type.Boolean(),
  anonymous: Type.Boolean(),
  options: Type.Array(BallotOption),
  /** The caller's own vote and the votes they hold as proxy. */
  voters: Type.Array(
    Type.Object({ voterId: Uuid, name: Type.String(), proxy: Type.Boolean(), voted: Type.Boolean(), changed: Type.Boolean() }),
  ),
  result: Nullable(BallotResult),
});
export type MyBallot = Static<typeof MyBallot>;
export const MyBallotList = Type.Object({ items: Type.Array(MyBallot) });
