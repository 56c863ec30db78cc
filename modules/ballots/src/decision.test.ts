import { describe, expect, it } from 'vitest';
import { decide, presetRules, reaches, tallyProblems } from './decision.ts';

// A compound of six households: 90 + 120 + 80 + 150 + 100 + 60 = 600 m².
const roll = { voters: 6, area: 600 };

describe('Civil Code Art. 278 by hand', () => {
  it('ordinary matter: 5 of 6 owners (540 of 600 m²) take part, 3 owners with 370 m² agree → passes both halves', () => {
    const d = decide(presetRules.art278_ordinary, {
      roll,
      cast: { voters: 5, area: 540 },
      options: [
        { id: 1, voters: 3, area: 370 },
        { id: 2, voters: 2, area: 170 },
      ],
    });
    expect(d.quorumMet).toBe(true);
    expect(d.options.map((o) => o.passed)).toEqual([true, false]);
    expect(d.options[0]?.share).toBeCloseTo(0.6);
    expect(d.options[0]?.areaShare).toBeCloseTo(370 / 540);
  });

  it('the same counts on a major matter fail: 3 of 5 owners is under three quarters', () => {
    const d = decide(presetRules.art278_major, {
      roll,
      cast: { voters: 5, area: 540 },
      options: [{ id: 1, voters: 3, area: 370 }],
    });
    expect(d.quorumMet).toBe(true);
    expect(d.options[0]?.passed).toBe(false);
  });

  it('major matter at exactly three quarters of owners and of area passes (at least)', () => {
    const d = decide(presetRules.art278_major, {
      roll: { voters: 4, area: 400 },
      cast: { voters: 4, area: 400 },
      options: [{ id: 1, voters: 3, area: 300 }],
    });
    expect(d.options[0]?.passed).toBe(true);
  });

  it('ordinary matter at exactly half fails (more than half needed), by owners or by area', () => {
    const byOwners = decide(presetRules.art278_ordinary, {
      roll: { voters: 4, area: 400 },
      cast: { voters: 4, area: 400 },
      options: [{ id: 1, voters: 2, area: 300 }],
    });
    expect(byOwners.options[0]?.passed).toBe(false);
    const byArea = decide(presetRules.art278_ordinary, {
      roll: { voters: 4, area: 400 },
      cast: { voters: 4, area: 400 },
      options: [{ id: 1, voters: 3, area: 200 }],
    });
    expect(byArea.options[0]?.passed).toBe(false);
  });

  it('quorum by owners met (4 of 6 = 2/3) but by area not (330 of 600 m²) → nothing passes', () => {
    const d = decide(presetRules.art278_ordinary, {
      roll,
      cast: { voters: 4, area: 330 },
      options: [{ id: 1, voters: 4, area: 330 }],
    });
    expect(d.quorumMet).toBe(false);
    expect(d.options[0]?.passed).toBe(false);
    expect(d.turnout).toBeCloseTo(4 / 6);
    expect(d.areaTurnout).toBeCloseTo(0.55);
  });

  it('two thirds of area with cents: 400.01 of 600.00 m² reaches it, 399.99 does not', () => {
    const base = { roll: { voters: 3, area: 600 }, options: [{ id: 1, voters: 2, area: 300 }] };
    expect(decide(presetRules.art278_ordinary, { ...base, cast: { voters: 2, area: 400.01 } }).quorumMet).toBe(true);
    expect(decide(presetRules.art278_ordinary, { ...base, cast: { voters: 2, area: 399.99 } }).quorumMet).toBe(false);
  });
});

describe('simple majority and shares', () => {
  it('share of votes counts only choices made (blank ballots are not in the base)', () => {
    const d = decide(presetRules.simple_majority, {
      roll: { voters: 100, area: 0 },
      cast: { voters: 10, area: 0 },
      options: [
        { id: 1, voters: 4, area: 0 },
        { id: 2, voters: 3, area: 0 },
      ],
    });
    expect(d.options.map((o) => o.passed)).toEqual([true, false]);
  });

  it('share of voters counts every ballot cast', () => {
    const d = decide(
      { ...presetRules.simple_majority, basis: 'voters' },
      { roll: { voters: 100, area: 0 }, cast: { voters: 10, area: 0 }, options: [{ id: 1, voters: 4, area: 0 }] },
    );
    expect(d.options[0]?.passed).toBe(false);
  });

  it('no ballots cast: nothing passes, no division by zero', () => {
    const d = decide(presetRules.simple_majority, {
      roll: { voters: 5, area: 0 },
      cast: { voters: 0, area: 0 },
      options: [{ id: 1, voters: 0, area: 0 }],
    });
    expect(d.options[0]?.passed).toBe(false);
    expect(d.turnout).toBe(0);
  });

  it('reaches compares in integers', () => {
    expect(reaches(2, 3, 2, 3, false)).toBe(true);
    expect(reaches(2, 3, 2, 3, true)).toBe(false);
    expect(reaches(1, 0, 0, 1, false)).toBe(false);
  });
});

describe('tallyProblems', () => {
  it('refuses more ballots than the roll, an option above the ballots cast and too many votes per ballot', () => {
    const problems = tallyProblems(
      {
        roll: { voters: 10, area: 1000 },
        cast: { voters: 11, area: 1200 },
        options: [
          { id: 1, voters: 12, area: 100 },
          { id: 2, voters: 5, area: 100 },
        ],
      },
      1,
      true,
    );
    expect(problems.map((p) => p.field)).toEqual(['cast.voters', 'cast.area', 'options.1.voters', 'options']);
    expect(
      tallyProblems({ roll: { voters: 10, area: 0 }, cast: { voters: 8, area: 0 }, options: [{ id: 1, voters: 5, area: 0 }] }, 1, false),
    ).toEqual([]);
  });
});
