// The arithmetic of the urban-cases demo (pure, tested on its own): which closed cases and which
// accepted renovation projects give a county's published figures exactly.
import type { CaseKind } from './vocabulary.ts';

/** The part of `profile.property` this module's seeder reads. */
export interface UrbanCaseTargets {
  renovatedCompounds?: number;
  cases?: {
    illegalStructures: number;
    illegalStructureAreaM2: number;
    rubbishTonnes: number;
    parkingSpaces: number;
    chargers: number;
  };
}

export interface PlannedCase {
  kind: CaseKind;
  /** Index into the county's compounds. */
  compound: number;
  /** In hundredths of the unit (two decimals), exact. */
  quantityCents: number;
  /** Days before today (China time) the case was closed: 2 … 356, inside the last 12 months. */
  closedDaysAgo: number;
  /** Days between reporting and assignment, and between assignment and closing. */
  toAssign: number;
  toClose: number;
}

export interface PlannedRenovation {
  /** Indexes into the county's compounds (consecutive ones of one community when two). */
  compounds: number[];
  acceptedDaysAgo: number;
  budgetYuan: number;
}

/**
 * `total` hundredths split over `n` shares with uneven weights (1 … 10), each at least `min`
 * hundredths, summing to `total` exactly (largest remainders). `whole` keeps every share a
 * multiple of 100 (a whole number of spaces or chargers).
 */
export function split(total: number, n: number, whole: boolean): number[] {
  if (n <= 0) return [];
  const unit = whole ? 100 : 1;
  const units = Math.round(total / unit);
  if (units < n) throw new Error(`cannot split ${total} into ${n} shares of at least ${unit}`);
  const weights = Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 10));
  const sum = weights.reduce((a, b) => a + b, 0);
  // One unit each first, the rest by weight.
  const rest = units - n;
  const exact = weights.map((w) => (rest * w) / sum);
  const shares = exact.map((x) => Math.floor(x));
  let left = rest - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i] = (shares[i] as number) + 1;
  }
  return shares.map((s) => (s + 1) * unit);
}

/** How many cases carry each target (the counties' reports give totals, not counts, except for illegal structures). */
export const caseCounts = (t: NonNullable<UrbanCaseTargets['cases']>) => ({
  illegal_structure: t.illegalStructures,
  rubbish: Math.max(1, Math.round(t.rubbishTonnes / 5)),
  parking: Math.max(1, Math.min(t.parkingSpaces, Math.round(t.parkingSpaces / 20))),
  charger: Math.max(1, Math.min(t.chargers, Math.round(t.chargers / 6))),
  clutter: 120,
});

/** The closed cases giving the targets exactly, spread over `compounds` compounds and the last 12 months. */
export function planCases(t: NonNullable<UrbanCaseTargets['cases']>, compounds: number): PlannedCase[] {
  const counts = caseCounts(t);
  const quantities: Record<CaseKind, number[]> = {
    illegal_structure: split(Math.round(t.illegalStructureAreaM2 * 100), counts.illegal_structure, false),
    rubbish: split(Math.round(t.rubbishTonnes * 100), counts.rubbish, false),
    parking: split(t.parkingSpaces * 100, counts.parking, true),
    charger: split(t.chargers * 100, counts.charger, true),
    clutter: split(counts.clutter * 300, counts.clutter, true),
  };
  const planned: PlannedCase[] = [];
  for (const kind of Object.keys(quantities) as CaseKind[]) {
    for (const q of quantities[kind]) {
      const n = planned.length;
      planned.push({
        kind,
        compound: (n * 7919) % compounds,
        quantityCents: q,
        closedDaysAgo: 2 + ((n * 37) % 355),
        toAssign: 1 + (n % 3),
        toClose: 3 + ((n * 11) % 25),
      });
    }
  }
  return planned;
}

/**
 * Accepted projects covering exactly `target` distinct compounds: every third project takes two
 * compounds of one community (consecutive in `communityOf`), the others one. `communityOf[i]` is
 * the community of compound i, compounds ordered by community.
 */
export function planRenovations(target: number, communityOf: readonly string[]): PlannedRenovation[] {
  const planned: PlannedRenovation[] = [];
  let next = 0;
  let covered = 0;
  while (covered < target && next < communityOf.length) {
    const k = planned.length;
    const pair = k % 3 === 0 && covered + 2 <= target && next + 1 < communityOf.length && communityOf[next] === communityOf[next + 1];
    const compounds = pair ? [next, next + 1] : [next];
    planned.push({ compounds, acceptedDaysAgo: 5 + ((k * 53) % 340), budgetYuan: 800_000 + ((k * 137) % 20) * 50_000 });
    next += compounds.length;
    covered += compounds.length;
  }
  if (covered !== target) throw new Error(`only ${communityOf.length} compounds for ${target} renovated ones`);
  return planned;
}

/** The funding of a budget: central 50 %, provincial 20 %, county 20 %, owners the rest (exact to the fen). */
export function fundingOf(budgetYuan: number): { source: 'central' | 'provincial' | 'county' | 'owners'; amount: number }[] {
  const cents = Math.round(budgetYuan * 100);
  const central = Math.round(cents * 0.5);
  const provincial = Math.round(cents * 0.2);
  const county = Math.round(cents * 0.2);
  return [
    { source: 'central', amount: central / 100 },
    { source: 'provincial', amount: provincial / 100 },
    { source: 'county', amount: county / 100 },
    { source: 'owners', amount: (cents - central - provincial - county) / 100 },
  ];
}
