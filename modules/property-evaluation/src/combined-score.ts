import type { Db } from '@linli/db';
import { KpiRepository } from '@linli/demand-stats';
import { territory } from '@linli/territory';
import type { ScoreRow, Weights } from './contract.ts';
import { InspectionRepository } from './inspection.repository.ts';
import { RoundRepository } from './round.repository.ts';
import { ScoreRepository } from './score.repository.ts';
import { combinedScoreOf, demandScoreOf, inspectionScoreOf, quarterDays } from './vocabulary.ts';

export interface CombinedScores {
  weights: Weights;
  /** The round's quarter: demands submitted and inspections made in these days count. */
  from: string;
  to: string;
  compounds: ScoreRow[];
  companies: ScoreRow[];
  /** The company serving each compound now (from its property profile). */
  companyOf: Map<string, string | null>;
}

interface Counts {
  ratings: number;
  residentScore: number | null;
  resolved: number;
  resolvedOnTime: number;
  evaluated: number;
  satisfied: number;
  items: number;
  passed: number;
}

const rate = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 10000) / 10000 : null);

function row(id: string, name: string, communityName: string, compounds: number, c: Counts, w: Weights): ScoreRow {
  const onTimeRate = rate(c.resolvedOnTime, c.resolved);
  const satisfactionRate = rate(c.satisfied, c.evaluated);
  const demandScore = demandScoreOf(onTimeRate, satisfactionRate);
  const inspectionScore = inspectionScoreOf(c.passed, c.items);
  return {
    rank: 0,
    id,
    name,
    communityName,
    compounds,
    combined: combinedScoreOf({ residents: c.residentScore, demands: demandScore, inspections: inspectionScore }, w),
    residentScore: c.residentScore,
    ratings: c.ratings,
    demandsResolved: c.resolved,
    onTimeRate,
    demandsEvaluated: c.evaluated,
    satisfactionRate,
    demandScore,
    inspectionItems: c.items,
    inspectionPassed: c.passed,
    inspectionScore,
  };
}

/** Ranks by combined score (none last), then more ratings, then name. */
export function ranked(rows: ScoreRow[]): ScoreRow[] {
  rows.sort((a, b) => (b.combined ?? -1) - (a.combined ?? -1) || b.ratings - a.ratings || a.name.localeCompare(b.name, 'zh-CN'));
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return rows;
}

/**
 * The combined score (综合得分) of every compound and company a round covers, under the county's current
 * weights: residents' ratings in the round (score out of 100), the demands module's figures for demands
 * located in the compound and submitted in the round's quarter (on-time rate and satisfaction rate,
 * through demand-stats' KpiRepository: one breakdown by child per community), and the checklist items
 * passed in staff inspections in that quarter. A company's parts add up its compounds' counts (the
 * compounds it serves now); its residents' part is the ranking by the company rated. See
 * vocabulary.ts combinedScoreOf for how missing parts are weighed.
 */
export async function computeCombinedScores(
  db: Db,
  tenantId: string,
  round: { id: string; nodeId: string; period: string },
  asOf = new Date(),
): Promise<CombinedScores> {
  const scores = new ScoreRepository(db);
  const weights = await scores.currentWeights(tenantId);
  const [from, to] = quarterDays(round.period);
  const place = await territory.node(db, tenantId, round.nodeId);
  if (!place) return { weights, from, to, compounds: [], companies: [], companyOf: new Map() };
  const compounds = await scores.compounds(tenantId, place.path, round.id, from, to);
  const rounds = new RoundRepository(db);
  const byCompoundRating = new Map((await rounds.ranking(tenantId, round.id, 'compound', {})).map((r) => [r.id, r]));
  const byCompanyRating = new Map((await rounds.ranking(tenantId, round.id, 'company', {})).map((r) => [r.id, r]));
  const passes = new Map((await new InspectionRepository(db).passCounts(tenantId, place.path, from, to)).map((p) => [p.compoundId, p]));

  // Demands: one KPI breakdown per community (its children are the compounds).
  const kpis = new KpiRepository(db);
  const demandsOf = new Map<string, { resolved: number; resolvedOnTime: number; evaluated: number; satisfied: number }>();
  const communities = new Map(compounds.map((k) => [k.communityId, k.communityPath]));
  for (const [id, path] of communities) {
    const { groups } = await kpis.breakdown({ tenantId, root: { id, path }, from, to, asOf }, 'child');
    for (const g of groups)
      demandsOf.set(g.key, {
        resolved: g.kpis.resolved,
        resolvedOnTime: g.kpis.resolvedOnTime,
        evaluated: g.kpis.evaluated,
        satisfied: g.kpis.satisfiedOrBasically,
      });
  }

  const companyCounts = new Map<string, { name: string; compounds: number; counts: Counts }>();
  const compoundRows = compounds.map((k) => {
    const rating = byCompoundRating.get(k.id);
    const d = demandsOf.get(k.id);
    const p = passes.get(k.id);
    const counts: Counts = {
      ratings: rating?.ratings ?? 0,
      residentScore: rating?.score ?? null,
      resolved: d?.resolved ?? 0,
      resolvedOnTime: d?.resolvedOnTime ?? 0,
      evaluated: d?.evaluated ?? 0,
      satisfied: d?.satisfied ?? 0,
      items: p?.items ?? 0,
      passed: p?.passed ?? 0,
    };
    if (k.companyId) {
      let c = companyCounts.get(k.companyId);
      if (!c) {
        const rated = byCompanyRating.get(k.companyId);
        c = {
          name: k.companyName ?? '',
          compounds: 0,
          counts: {
            ...counts,
            ratings: rated?.ratings ?? 0,
            residentScore: rated?.score ?? null,
            resolved: 0,
            resolvedOnTime: 0,
            evaluated: 0,
            satisfied: 0,
            items: 0,
            passed: 0,
          },
        };
        companyCounts.set(k.companyId, c);
      }
      c.compounds += 1;
      for (const key of ['resolved', 'resolvedOnTime', 'evaluated', 'satisfied', 'items', 'passed'] as const) c.counts[key] += counts[key];
    }
    return row(k.id, k.name, k.communityName, 1, counts, weights);
  });
  const companyRows = [...companyCounts.entries()].map(([id, c]) => row(id, c.name, '', c.compounds, c.counts, weights));
  return {
    weights,
    from,
    to,
    compounds: ranked(compoundRows),
    companies: ranked(companyRows),
    companyOf: new Map(compounds.map((k) => [k.id, k.companyId])),
  };
}
