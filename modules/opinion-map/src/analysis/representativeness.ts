/**
 * Representative statements per group and group-informed consensus, as Pol.is defines them
 * (polismath repness.clj; compdemocracy.org/group-informed-consensus). Pure.
 *
 * For a group g and a statement s, with A agrees, D disagrees and S seen (agree + disagree + pass):
 * - pa = (A + 1) / (S + 2), pd = (D + 1) / (S + 2) — Laplace-smoothed shares, so one vote is not 100 %;
 * - pat = one-proportion z of the agree share against ½; rat = two-proportion z of the group's agree
 *   share against everyone else's; likewise pdt and rdt;
 * - ra = pa / pa(rest), rd = pd / pd(rest): how much more the group agrees (disagrees) than the others;
 * - a statement represents g when both z values pass the 90 % one-sided level (1.2816); it is ranked
 *   by ra · rat · pa · pat (or the disagree equivalent).
 * Group-informed consensus of s is Π_g pa_g (and Π_g pd_g for shared disagreement): high only when
 * every group agrees, whatever its size, so a large group cannot make a consensus on its own.
 */

/** z of the 90 % one-sided level, Pol.is's threshold for "significant". */
export const Z_90 = 1.2816;

export interface VoteCounts {
  agree: number;
  disagree: number;
  /** Agree + disagree + pass: the statement was shown and answered. */
  seen: number;
}

/** Pol.is prop-test: is the share of `successes` among `n` above ½ (pseudo-count 1 on both). */
export function proportionZ(successes: number, n: number): number {
  const s = successes + 1;
  const m = n + 1;
  return 2 * Math.sqrt(m) * (s / m - 0.5);
}

/** Pol.is two-prop-test: is the first share above the second (pseudo-count 1 on all four). */
export function twoProportionZ(s1: number, n1: number, s2: number, n2: number): number {
  const a = s1 + 1;
  const b = n1 + 1;
  const c = s2 + 1;
  const d = n2 + 1;
  const p1 = a / b;
  const p2 = c / d;
  const p = (a + c) / (b + d);
  const denominator = Math.sqrt(p * (1 - p) * (1 / b + 1 / d));
  return denominator === 0 ? 0 : (p1 - p2) / denominator;
}

export const smoothedShare = (count: number, seen: number): number => (count + 1) / (seen + 2);

export interface RepresentativeStatement {
  statementId: string;
  direction: 'agree' | 'disagree';
  /** Share of the group voting that way (smoothed). */
  groupShare: number;
  /** Share of all other participants voting that way (smoothed). */
  otherShare: number;
  /** groupShare / otherShare. */
  ratio: number;
  /** Two-proportion z of the group against the others. */
  z: number;
  /** Pol.is ranking metric ra · rat · pa · pat. */
  metric: number;
}

export interface ConsensusStatement {
  statementId: string;
  direction: 'agree' | 'disagree';
  /** Group-informed consensus: the product over groups of each group's smoothed share. */
  score: number;
  /** Each group's smoothed share voting that way, in group order. */
  groupShares: number[];
}

/** counts[group][statement]. */
export type GroupCounts = VoteCounts[][];

const add = (a: VoteCounts, b: VoteCounts): VoteCounts => ({
  agree: a.agree + b.agree,
  disagree: a.disagree + b.disagree,
  seen: a.seen + b.seen,
});
const minus = (a: VoteCounts, b: VoteCounts): VoteCounts => ({
  agree: a.agree - b.agree,
  disagree: a.disagree - b.disagree,
  seen: a.seen - b.seen,
});

/**
 * Up to `perGroup` representative statements of each group, strongest first. When no statement is
 * significant for a group, its single best one by the metric is kept (Pol.is does the same) so every
 * group says something; it is still marked by its z values.
 */
export function representativeStatements(statementIds: string[], counts: GroupCounts, perGroup = 5): RepresentativeStatement[][] {
  const zero: VoteCounts = { agree: 0, disagree: 0, seen: 0 };
  const totals = statementIds.map((_, s) => counts.reduce((acc, group) => add(acc, group[s] ?? zero), zero));
  return counts.map((group) => {
    const candidates: (RepresentativeStatement & { significant: boolean })[] = [];
    statementIds.forEach((statementId, s) => {
      const own = group[s] ?? zero;
      if (own.seen === 0) return;
      const rest = minus(totals[s] ?? zero, own);
      const pa = smoothedShare(own.agree, own.seen);
      const pd = smoothedShare(own.disagree, own.seen);
      const restPa = smoothedShare(rest.agree, rest.seen);
      const restPd = smoothedShare(rest.disagree, rest.seen);
      const pat = proportionZ(own.agree, own.seen);
      const pdt = proportionZ(own.disagree, own.seen);
      const rat = twoProportionZ(own.agree, own.seen, rest.agree, rest.seen);
      const rdt = twoProportionZ(own.disagree, own.seen, rest.disagree, rest.seen);
      // The direction in which the group differs more from the others (Pol.is: repful-for).
      const agree = rat >= rdt;
      const [share, other, z, zOwn] = agree ? [pa, restPa, rat, pat] : [pd, restPd, rdt, pdt];
      const ratio = share / other;
      candidates.push({
        statementId,
        direction: agree ? 'agree' : 'disagree',
        groupShare: share,
        otherShare: other,
        ratio,
        z,
        metric: ratio * z * share * zOwn,
        significant: z > Z_90 && zOwn > Z_90 && share > 0.5,
      });
    });
    const byMetric = (a: { metric: number; statementId: string }, b: { metric: number; statementId: string }) =>
      b.metric - a.metric || a.statementId.localeCompare(b.statementId);
    const significant = candidates.filter((c) => c.significant).sort(byMetric);
    const chosen = significant.length ? significant.slice(0, perGroup) : candidates.sort(byMetric).slice(0, 1);
    return chosen.map(({ significant: _, ...rest }) => rest);
  });
}

/**
 * Statements every group agrees on (or every group disagrees with): each group's smoothed share at
 * least `minShare`, ranked by group-informed consensus. With one group there is no "every group" to
 * speak of, so nothing is returned.
 */
export function consensusStatements(statementIds: string[], counts: GroupCounts, minShare = 0.6): ConsensusStatement[] {
  if (counts.length < 2) return [];
  const found: ConsensusStatement[] = [];
  statementIds.forEach((statementId, s) => {
    for (const direction of ['agree', 'disagree'] as const) {
      const shares = counts.map((group) => {
        const c = group[s] ?? { agree: 0, disagree: 0, seen: 0 };
        return smoothedShare(direction === 'agree' ? c.agree : c.disagree, c.seen);
      });
      if (shares.every((p) => p >= minShare)) {
        found.push({ statementId, direction, score: shares.reduce((a, b) => a * b, 1), groupShares: shares });
      }
    }
  });
  return found.sort((a, b) => b.score - a.score || a.statementId.localeCompare(b.statementId));
}

/** Group-informed consensus (agree) of every statement, for the lists' sort. */
export function groupInformedConsensus(statementIds: string[], counts: GroupCounts): number[] {
  return statementIds.map((_, s) =>
    counts.reduce((acc, group) => {
      const c = group[s] ?? { agree: 0, disagree: 0, seen: 0 };
      return acc * smoothedShare(c.agree, c.seen);
    }, 1),
  );
}
