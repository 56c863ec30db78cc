import type { DeliberationKpis } from '@linli/deliberation/contract';
import dayjs from 'dayjs';
import i18n from 'i18next';

// The dashboard's arithmetic, apart from its drawing: the addresses its figures open (the record lists
// with their filters in the query string) and the months of the period.

/** A text of the dashboard (deliberationDashboard.<key>) in the current language. */
export const dashboardText = (key: string, options?: Record<string, unknown>): string =>
  (i18n.t as (k: string, o?: object) => string)(`deliberationDashboard.${key}`, options);

/** An address with the query's non-empty values (`/deliberation?status=excluded`). */
export function href(path: string, query: Record<string, string | undefined> = {}): string {
  const entries = Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}

export interface MonthFigures {
  month: string;
  meetings: number;
  topicsCollected: number;
  topicsResolved: number;
  /** The month under way (its figures are not a whole month's). */
  partial: boolean;
}

/**
 * Every month of the period, in order, with the server's figures (zero where it has none), so the bars
 * stand on an unbroken axis; past 36 months only the months with figures.
 */
export function monthsOf(from: string, to: string, byMonth: DeliberationKpis['byMonth'], today = dayjs()): MonthFigures[] {
  const found = new Map(byMonth.map((m) => [m.month, m]));
  const first = dayjs(from).startOf('month');
  const last = dayjs(to).startOf('month');
  const count = last.diff(first, 'month') + 1;
  const months =
    count > 0 && count <= 36
      ? Array.from({ length: count }, (_, i) => first.add(i, 'month').format('YYYY-MM'))
      : byMonth.map((m) => m.month);
  const current = today.format('YYYY-MM');
  return months.map((month) => ({
    month,
    meetings: found.get(month)?.meetings ?? 0,
    topicsCollected: found.get(month)?.topicsCollected ?? 0,
    topicsResolved: found.get(month)?.topicsResolved ?? 0,
    partial: month === current,
  }));
}

/** The days of a month that lie in the period (YYYY-MM-DD, both included). */
export function daysOfMonth(month: string, from: string, to: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  const end = start.endOf('month').format('YYYY-MM-DD');
  const first = start.format('YYYY-MM-DD');
  return { from: first < from ? from : first, to: end > to ? to : end };
}
