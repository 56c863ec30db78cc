// The words and the calendar arithmetic of quarterly home visits, with no imports: the web app
// takes them from here (visit-contract.ts holds the HTTP schemas, which import typebox).

export const visitOutcomes = ['visited', 'not_home', 'refused'] as const;
export type VisitOutcome = (typeof visitOutcomes)[number];

/** A household's state in a plan: its latest visit's outcome, or not visited yet. */
export const visitStates = ['unvisited', ...visitOutcomes] as const;
export type VisitState = (typeof visitStates)[number];

/** The quarter ('YYYY-Qn') of a moment, in China time. */
export function quarterOf(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000);
  return `${china.getUTCFullYear()}-Q${Math.floor(china.getUTCMonth() / 3) + 1}`;
}

/** The first and last day ('YYYY-MM-DD') of a quarter. */
export function quarterDays(quarter: string): { first: string; last: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  const firstMonth = (q - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, firstMonth + 2, 0));
  return { first: `${year}-${String(firstMonth).padStart(2, '0')}-01`, last: last.toISOString().slice(0, 10) };
}

/** The share of `part` in `whole` as a percentage with one decimal (0 for an empty whole). */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : 0);
