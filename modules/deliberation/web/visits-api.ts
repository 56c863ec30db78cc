import { quarterDays } from '../src/visit-vocabulary.ts';

// What the home visits page shares: the quarters it offers and their names, the state colours.

/** The quarter of a moment in China time, and the ones before it: the picker's choices, newest first. */
export function recentQuarters(now = new Date(), count = 6): string[] {
  const china = new Date(now.getTime() + 8 * 3_600_000);
  let year = china.getUTCFullYear();
  let q = Math.floor(china.getUTCMonth() / 3) + 1;
  const found: string[] = [];
  for (let i = 0; i < count; i++) {
    found.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return found;
}

export const quarterParts = (quarter: string) => ({ year: quarter.slice(0, 4), q: quarter.slice(-1) });

/** Today in China ('YYYY-MM-DD'), and the latest day a visit of the quarter can carry. */
export function lastVisitDay(quarter: string, now = new Date()): string {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const { last } = quarterDays(quarter);
  // Dates as 'YYYY-MM-DD' compare as text.
  if (today < last) return today;
  return last;
}

export const stateColor = { unvisited: 'default', visited: 'green', not_home: 'orange', refused: 'red' } as const;

/** The i18n keys of the states, spelt out so that the typed `t` knows them. */
export const stateKey = {
  unvisited: 'deliberationVisits.states.unvisited',
  visited: 'deliberationVisits.states.visited',
  not_home: 'deliberationVisits.states.not_home',
  refused: 'deliberationVisits.states.refused',
} as const;
