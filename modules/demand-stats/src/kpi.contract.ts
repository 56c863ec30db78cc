import { Uuid } from '@linli/core/contract-types';
import { Level } from '@linli/demands/contract';
import { handlingLevels } from '@linli/demands/vocabulary';
import { type Static, Type } from 'typebox';
import { kpiGroupings } from './vocabulary.ts';

/** Schemas of the KPI dashboard API: the figures, breakdowns, unit rankings and the Excel export. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const KpiQuery = Type.Object(
  {
    nodeId: Uuid,
    from: Type.String({ format: 'date', description: 'first day (Asia/Shanghai) of the period' }),
    to: Type.String({ format: 'date', description: 'last day (Asia/Shanghai) of the period, included' }),
  },
  { additionalProperties: false },
);
export type KpiQuery = Static<typeof KpiQuery>;

const Rate = Nullable(Type.Number({ description: 'ratio 0…1, null when the denominator is 0' }));
export const Kpis = Type.Object({
  nodeId: Uuid,
  from: Type.String(),
  to: Type.String(),
  submitted: Type.Integer(),
  accepted: Type.Integer(),
  responseDue: Type.Integer(),
  respondedOnTime: Type.Integer(),
  responseRate: Rate,
  resolved: Type.Integer(),
  resolutionRate: Rate,
  closed: Type.Integer(),
  completionRate: Rate,
  resolvedOnTime: Type.Integer(),
  onTimeRate: Rate,
  evaluated: Type.Integer(),
  satisfiedOrBasically: Type.Integer(),
  satisfactionRate: Rate,
  averageHandlingHours: Nullable(Type.Number()),
  resolvedByLevel: Type.Object({ compound: Rate, community: Rate, subdistrict: Rate, department: Rate }),
  callbackCovered: Type.Integer(),
  callbackCoverage: Rate,
});
export type Kpis = Static<typeof Kpis>;

const Day = (description: string) => Type.String({ format: 'date', description });

const periodAndPlace = {
  nodeId: Uuid,
  from: Day('first day (Asia/Shanghai) of the period'),
  to: Day('last day (Asia/Shanghai) of the period, included'),
  categoryId: Type.Optional(Type.String({ format: 'uuid', description: 'only this category and its subcategories' })),
};

export const KpiGrouping = Type.Enum(kpiGroupings, {
  default: 'none',
  description:
    'child: the child territory nodes of nodeId; category: top categories (or the subcategories of categoryId); month: calendar months in Asia/Shanghai; level; channel',
});

export const KpiBreakdownQuery = Type.Object({ ...periodAndPlace, groupBy: Type.Optional(KpiGrouping) }, { additionalProperties: false });
export type KpiBreakdownQuery = Static<typeof KpiBreakdownQuery>;

export const KpiGroup = Type.Object({
  key: Type.String(),
  label: Type.String(),
  kpis: Kpis,
  partial: Type.Optional(
    Type.Boolean({
      description:
        'groupBy=month only: true on the month under way (Asia/Shanghai) — its figures are month to date, not a complete month; false on the others',
    }),
  ),
});
export type KpiGroup = Static<typeof KpiGroup>;

/** The total's fields at the top level as before (GET /demands/kpis kept its shape), plus `kpis` and the groups. */
export const KpiBreakdown = Type.Object({ ...Kpis.properties, kpis: Kpis, groups: Type.Array(KpiGroup) });
export type KpiBreakdown = Static<typeof KpiBreakdown>;

export const RankingQuery = Type.Object(
  {
    ...periodAndPlace,
    level: Type.Optional(Type.Enum(handlingLevels, { default: 'compound', description: 'the level of the handling units ranked' })),
    minSample: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100_000, default: 20, description: 'resolved demands a unit needs to be ranked' }),
    ),
  },
  { additionalProperties: false },
);
export type RankingQuery = Static<typeof RankingQuery>;

export const RankedUnit = Type.Object({
  unitId: Uuid,
  unitName: Type.String(),
  level: Level,
  sample: Type.Integer({ description: 'resolved demands of the unit in the period' }),
  kpis: Kpis,
  rank: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'null below minSample' }),
});
export const Rankings = Type.Array(RankedUnit);
