import { SeededRandom } from '@linli/core';
import { describe, expect, it } from 'vitest';
import { type AnalysisVote, analyseOpinions, nextKState, silhouette, type VoteValue } from './opinion-analysis.ts';
import { consensusStatements, proportionZ, representativeStatements, twoProportionZ } from './representativeness.ts';

/** Adjusted Rand index of two labellings (1 = identical partitions up to renaming). */
function adjustedRand(a: number[], b: number[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const rowsB = new Map<number, number>();
  a.forEach((x, i) => {
    const y = b[i] as number;
    table.set(`${x}:${y}`, (table.get(`${x}:${y}`) ?? 0) + 1);
    rowsA.set(x, (rowsA.get(x) ?? 0) + 1);
    rowsB.set(y, (rowsB.get(y) ?? 0) + 1);
  });
  const index = [...table.values()].reduce((s, n) => s + pairs(n), 0);
  const sumA = [...rowsA.values()].reduce((s, n) => s + pairs(n), 0);
  const sumB = [...rowsB.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (sumA * sumB) / pairs(a.length);
  const max = (sumA + sumB) / 2;
  return (index - expected) / (max - expected);
}

const pid = (i: number) => `p${String(i).padStart(3, '0')}`;
const sid = (i: number) => `s${String(i).padStart(2, '0')}`;

/**
 * `camps` camps of `perCamp` participants over `blocks` blocks of `perBlock` statements: camp c agrees
 * with block c and disagrees with the others; then `consensus` statements everyone agrees on. Each
 * vote is flipped with probability `noise`, passed with `pass`, and left unseen with `unseen`.
 */
function planted(opts: {
  camps: number;
  perCamp: number;
  perBlock: number;
  consensus: number;
  noise: number;
  pass: number;
  unseen: number;
}) {
  const random = new SeededRandom(20261202);
  const statements = opts.camps * opts.perBlock + opts.consensus;
  const votes: AnalysisVote[] = [];
  const truth: number[] = [];
  for (let c = 0; c < opts.camps; c++) {
    for (let m = 0; m < opts.perCamp; m++) {
      const p = c * opts.perCamp + m;
      truth[p] = c;
      for (let s = 0; s < statements; s++) {
        if (random.chance(opts.unseen)) continue;
        const block = Math.floor(s / opts.perBlock);
        let value: VoteValue = s >= opts.camps * opts.perBlock ? 1 : block === c ? 1 : -1;
        if (random.chance(opts.noise)) value = value === 1 ? -1 : 1;
        if (random.chance(opts.pass)) value = 0;
        votes.push({ participantId: pid(p), statementId: sid(s), value });
      }
    }
  }
  return { statementIds: Array.from({ length: statements }, (_, s) => sid(s)), votes, truth };
}

describe('analyseOpinions on two planted camps (60 participants, 20 statements)', () => {
  // Camp A agrees with s00–s07 and disagrees with s08–s15, camp B the reverse; s16–s19 everyone agrees.
  const data = planted({ camps: 2, perCamp: 30, perBlock: 8, consensus: 4, noise: 0.1, pass: 0.08, unseen: 0.1 });
  const result = analyseOpinions({ statementIds: data.statementIds, votes: data.votes });

  it('chooses two groups and recovers the camps', () => {
    expect(result.status).toBe('ready');
    if (result.status !== 'ready') return;
    expect(result.k).toBe(2);
    expect(result.points).toHaveLength(60);
    const found = result.points.map((p) => p.group);
    const truth = result.points.map((p) => data.truth[Number(p.participantId.slice(1))] as number);
    expect(adjustedRand(found, truth)).toBeGreaterThanOrEqual(0.95);
    expect(result.groups.map((g) => g.size).reduce((a, b) => a + b)).toBe(60);
  });

  it('lists the consensus statements everyone agrees on, and no contested one', () => {
    if (result.status !== 'ready') throw new Error('not ready');
    const agreed = result.consensus.filter((c) => c.direction === 'agree').map((c) => c.statementId);
    expect(agreed.sort()).toEqual(['s16', 's17', 's18', 's19']);
    expect(result.consensus.every((c) => c.groupShares.every((p) => p >= 0.6))).toBe(true);
  });

  it('gives each group representative statements from its own camp’s block', () => {
    if (result.status !== 'ready') throw new Error('not ready');
    for (const group of result.groups) {
      const members = result.points.filter((p) => p.group === group.index);
      const camp = data.truth[Number((members[0] as { participantId: string }).participantId.slice(1))] as number;
      expect(group.representative.length).toBeGreaterThan(0);
      for (const r of group.representative) {
        const block = Math.floor(Number(r.statementId.slice(1)) / 8);
        // Agreeing with its own block or disagreeing with the other camp's block, never a consensus statement.
        expect(block).toBeLessThan(2);
        expect(r.direction).toBe(block === camp ? 'agree' : 'disagree');
        expect(r.z).toBeGreaterThan(1.2816);
      }
    }
  });

  it('gives the same output on repeated runs and whatever the order of the votes', () => {
    const again = analyseOpinions({ statementIds: data.statementIds, votes: data.votes });
    const shuffled = analyseOpinions({ statementIds: [...data.statementIds].reverse(), votes: [...data.votes].reverse() });
    expect(again).toEqual(result);
    expect(shuffled).toEqual(result);
  });
});

describe('analyseOpinions on three planted camps', () => {
  it('chooses three groups and recovers them', () => {
    const data = planted({ camps: 3, perCamp: 20, perBlock: 6, consensus: 3, noise: 0.05, pass: 0.05, unseen: 0.1 });
    const result = analyseOpinions({ statementIds: data.statementIds, votes: data.votes });
    if (result.status !== 'ready') throw new Error('not ready');
    expect(result.k).toBe(3);
    const truth = result.points.map((p) => data.truth[Number(p.participantId.slice(1))] as number);
    expect(
      adjustedRand(
        result.points.map((p) => p.group),
        truth,
      ),
    ).toBeGreaterThanOrEqual(0.95);
    expect(
      result.consensus
        .filter((c) => c.direction === 'agree')
        .map((c) => c.statementId)
        .sort(),
    ).toEqual(['s18', 's19', 's20']);
  });
});

describe('analyseOpinions with too little to go on', () => {
  it('draws no map with fewer participants than needed and says how many there are', () => {
    const data = planted({ camps: 2, perCamp: 4, perBlock: 5, consensus: 1, noise: 0, pass: 0, unseen: 0 });
    const result = analyseOpinions({ statementIds: data.statementIds, votes: data.votes });
    expect(result).toEqual({ status: 'insufficient', eligibleParticipants: 8, neededParticipants: 10, minVotes: 7, statementCount: 11 });
  });

  it('places only participants with at least seven votes (passes count, unseen statements do not)', () => {
    const data = planted({ camps: 2, perCamp: 10, perBlock: 6, consensus: 0, noise: 0, pass: 0, unseen: 0 });
    // p000 answered only six statements, two of them passes.
    const votes = data.votes.filter((v) => v.participantId !== 'p000' || Number(v.statementId.slice(1)) < 6);
    for (const v of votes) if (v.participantId === 'p000' && v.statementId < 's02') v.value = 0;
    const result = analyseOpinions({ statementIds: data.statementIds, votes });
    if (result.status !== 'ready') throw new Error('not ready');
    expect(result.eligibleParticipants).toBe(19);
    expect(result.points.some((p) => p.participantId === 'p000')).toBe(false);
  });

  it('ignores votes on statements that are not in the list (e.g. rejected since)', () => {
    const data = planted({ camps: 2, perCamp: 10, perBlock: 6, consensus: 0, noise: 0, pass: 0, unseen: 0 });
    const withStray = [...data.votes, { participantId: 'p001', statementId: 'gone', value: 1 as const }];
    expect(analyseOpinions({ statementIds: data.statementIds, votes: withStray })).toEqual(
      analyseOpinions({ statementIds: data.statementIds, votes: data.votes }),
    );
  });
});

describe('k smoothing', () => {
  it('keeps the previous k until another has won three computations in a row', () => {
    const tried = [{ k: 2 }, { k: 3 }, { k: 4 }];
    let state = nextKState(null, 2, tried, 3);
    expect(state).toEqual({ k: 2, challenger: null, streak: 0 });
    state = nextKState(state, 3, tried, 3);
    expect(state).toEqual({ k: 2, challenger: 3, streak: 1 });
    state = nextKState(state, 4, tried, 3);
    expect(state).toEqual({ k: 2, challenger: 4, streak: 1 });
    state = nextKState(state, 3, tried, 3);
    state = nextKState(state, 3, tried, 3);
    expect(state.k).toBe(2);
    state = nextKState(state, 3, tried, 3);
    expect(state).toEqual({ k: 3, challenger: null, streak: 0 });
  });

  it('reports the kept k while a new best proves itself', () => {
    const data = planted({ camps: 2, perCamp: 30, perBlock: 8, consensus: 4, noise: 0.1, pass: 0.08, unseen: 0.1 });
    const result = analyseOpinions({ statementIds: data.statementIds, votes: data.votes, previous: { k: 3, challenger: null, streak: 0 } });
    if (result.status !== 'ready') throw new Error('not ready');
    expect(result.bestK).toBe(2);
    expect(result.k).toBe(3);
    expect(result.kState).toEqual({ k: 3, challenger: 2, streak: 1 });
  });
});

describe('statistics', () => {
  it('scores a clear split as significant and an even one as not', () => {
    expect(proportionZ(18, 20)).toBeGreaterThan(1.2816);
    expect(proportionZ(10, 20)).toBeLessThan(1.2816);
    expect(twoProportionZ(18, 20, 2, 20)).toBeGreaterThan(3);
    expect(twoProportionZ(10, 20, 10, 20)).toBeCloseTo(0, 6);
  });

  it('finds a statement representative of the group that agrees with it while the others disagree', () => {
    const counts = [
      [
        { agree: 18, disagree: 1, seen: 20 },
        { agree: 10, disagree: 10, seen: 20 },
      ],
      [
        { agree: 2, disagree: 17, seen: 20 },
        { agree: 9, disagree: 10, seen: 20 },
      ],
    ];
    const reps = representativeStatements(['a', 'b'], counts);
    expect(reps[0]?.[0]).toMatchObject({ statementId: 'a', direction: 'agree' });
    expect(reps[1]?.[0]).toMatchObject({ statementId: 'a', direction: 'disagree' });
    expect(consensusStatements(['a', 'b'], counts)).toEqual([]);
  });

  it('gives a perfect split silhouette near 1', () => {
    const points = [
      [0, 0],
      [0, 0.1],
      [10, 10],
      [10, 10.1],
    ];
    expect(silhouette(points, [0, 0, 1, 1], 2)).toBeGreaterThan(0.98);
  });
});
