// The counting rules of a ballot, pure (no database, no clock): the quorum on ballots cast and the
// pass test of each option. Floor areas are compared in hundredths of a square metre (integers),
// so "at least two thirds" is decided by cross-multiplication, never by a rounded float.

/** How a ballot decides. Fractions are kept as integer pairs. */
export interface BallotRule {
  /** Share of the roll that must take part (by voters, and by floor area when `byArea`); 0/1 = no quorum. */
  quorum: { num: number; den: number };
  /** Share an option needs of its base, strictly more (`strict`) or at least. */
  pass: { num: number; den: number; strict: boolean };
  /** The base of the share: all choices made (`votes`) or the voters who took part (`voters`). */
  basis: 'votes' | 'voters';
  /** Also test floor area (Civil Code Art. 278: area and owners both). */
  byArea: boolean;
}

export const ruleNames = ['simple_majority', 'art278_ordinary', 'art278_major', 'custom'] as const;
export type RuleName = (typeof ruleNames)[number];

/**
 * The preset rules. Civil Code Art. 278: owners holding ≥ 2/3 of the floor area and ≥ 2/3 of the
 * owners take part; ordinary matters need more than half of the participating area and of the
 * participating owners, major ones (maintenance funds, rebuilding, change of use of common parts)
 * at least three quarters of each.
 */
export const presetRules: Record<Exclude<RuleName, 'custom'>, BallotRule> = {
  simple_majority: { quorum: { num: 0, den: 1 }, pass: { num: 1, den: 2, strict: true }, basis: 'votes', byArea: false },
  art278_ordinary: { quorum: { num: 2, den: 3 }, pass: { num: 1, den: 2, strict: true }, basis: 'voters', byArea: true },
  art278_major: { quorum: { num: 2, den: 3 }, pass: { num: 3, den: 4, strict: false }, basis: 'voters', byArea: true },
};

/** Counts in: the roll, who took part, and each option's support (areas in m², two decimals). */
export interface TallyInput {
  roll: { voters: number; area: number };
  cast: { voters: number; area: number };
  options: { id: number; voters: number; area: number }[];
}

export interface OptionOutcome {
  id: number;
  voters: number;
  area: number;
  /** Share of the base by voters (0..1, for display; the decision itself uses integers). */
  share: number;
  areaShare: number | null;
  passed: boolean;
}

export interface Decision {
  quorumMet: boolean;
  turnout: number;
  areaTurnout: number | null;
  cast: { voters: number; area: number };
  roll: { voters: number; area: number };
  options: OptionOutcome[];
}

/** m² with two decimals → integer hundredths. */
export const centi = (area: number): number => Math.round(area * 100);

/** a/b ≥ num/den (or > when strict), in integers. b = 0 never passes. */
export function reaches(a: number, b: number, num: number, den: number, strict: boolean): boolean {
  if (b <= 0) return false;
  const left = a * den;
  const right = num * b;
  return strict ? left > right : left >= right;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Decides a ballot: whether the quorum is met and which options pass (none when it is not). */
export function decide(rule: BallotRule, input: TallyInput): Decision {
  const rollArea = centi(input.roll.area);
  const castArea = centi(input.cast.area);
  const q = rule.quorum;
  const quorumMet =
    q.num === 0 ||
    (reaches(input.cast.voters, input.roll.voters, q.num, q.den, false) &&
      (!rule.byArea || reaches(castArea, rollArea, q.num, q.den, false)));
  const baseVoters = rule.basis === 'voters' ? input.cast.voters : input.options.reduce((s, o) => s + o.voters, 0);
  const baseArea = rule.basis === 'voters' ? castArea : input.options.reduce((s, o) => s + centi(o.area), 0);
  const options = input.options.map((o) => {
    const byVoters = reaches(o.voters, baseVoters, rule.pass.num, rule.pass.den, rule.pass.strict);
    const byArea = !rule.byArea || reaches(centi(o.area), baseArea, rule.pass.num, rule.pass.den, rule.pass.strict);
    return {
      id: o.id,
      voters: o.voters,
      area: o.area,
      share: ratio(o.voters, baseVoters),
      areaShare: rule.byArea ? ratio(centi(o.area), baseArea) : null,
      passed: quorumMet && byVoters && byArea,
    };
  });
  return {
    quorumMet,
    turnout: ratio(input.cast.voters, input.roll.voters),
    areaTurnout: rule.byArea ? ratio(castArea, rollArea) : null,
    cast: input.cast,
    roll: input.roll,
    options,
  };
}

/**
 * Checks typed-in counts against the roll: nobody counted twice, no option above the ballots cast.
 * Returns the problems as field/reason pairs (empty when consistent).
 */
export function tallyProblems(input: TallyInput, maxChoices: number, weighted: boolean): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (input.cast.voters > input.roll.voters) problems.push({ field: 'cast.voters', reason: `exceeds the roll (${input.roll.voters})` });
  if (weighted && centi(input.cast.area) > centi(input.roll.area))
    problems.push({ field: 'cast.area', reason: `exceeds the roll's floor area (${input.roll.area})` });
  for (const o of input.options) {
    if (o.voters > input.cast.voters) problems.push({ field: `options.${o.id}.voters`, reason: 'exceeds the ballots cast' });
    if (weighted && centi(o.area) > centi(input.cast.area))
      problems.push({ field: `options.${o.id}.area`, reason: 'exceeds the area cast' });
  }
  const sum = input.options.reduce((s, o) => s + o.voters, 0);
  if (sum > input.cast.voters * maxChoices)
    problems.push({ field: 'options', reason: `the options hold ${sum} votes, more than ${maxChoices} per ballot cast` });
  return problems;
}
