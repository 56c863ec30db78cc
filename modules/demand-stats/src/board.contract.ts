import { Uuid } from '@linli/core/contract-types';
import { Level, Satisfaction } from '@linli/demands/contract';
import { type Static, Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const BoardParams = Type.Object({
  tenantId: Type.String({ pattern: '^[0-9]{6}$', description: 'the county’s division code' }),
  communityId: Uuid,
});
export const BoardQuery = Type.Object(
  {
    before: Type.Optional(Type.String({ format: 'date-time', description: 'older entries: the resolvedAt of the last one shown' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
  },
  { additionalProperties: false },
);

/** One resolved demand as the notice board shows it: no names, no contact, no door. */
export const BoardEntry = Type.Object({
  number: Type.String(),
  category: Type.String(),
  place: Type.Array(Type.String(), { description: 'the compound and, where known, the building' }),
  title: Type.String(),
  result: Nullable(Type.String()),
  submittedAt: Type.String({ format: 'date-time' }),
  resolvedAt: Type.String({ format: 'date-time' }),
  satisfaction: Nullable(Satisfaction),
  level: Level,
});
export type BoardEntry = Static<typeof BoardEntry>;

export const BoardSummary = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  received: Type.Integer(),
  resolved: Type.Integer(),
  resolutionRate: Rate,
  onTimeRate: Rate,
  satisfactionRate: Rate,
});
export type BoardSummary = Static<typeof BoardSummary>;

export const Board = Type.Object({
  community: Type.Object({ id: Uuid, name: Type.String() }),
  summary: BoardSummary,
  entries: Type.Array(BoardEntry),
});
export type Board = Static<typeof Board>;
