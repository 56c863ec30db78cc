// The words of property-service evaluation (pure: the web imports it).

/** What residents rate, 1–5 each: 保洁, 安保, 绿化, 维修, 服务态度, 收费. */
export const dimensions = ['cleaning', 'security', 'greening', 'repairs', 'manners', 'fees'] as const;
export type Dimension = (typeof dimensions)[number];

export const roundStatuses = ['open', 'closed'] as const;
export type RoundStatus = (typeof roundStatuses)[number];

/** The score out of 100 of average ratings (1–5) on the dimensions: the mean × 20, one decimal. */
export function scoreOf(averages: readonly number[]): number | null {
  if (averages.length === 0) return null;
  return Math.round((averages.reduce((a, b) => a + b, 0) / averages.length) * 200) / 10;
}

/** The quarter (YYYY-Qn) a China day falls in. */
export function quarterOf(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** The parts of the combined score and their weights before a county sets its own (version 0). */
export const defaultWeights = { version: 0, residents: 0.6, demands: 0.25, inspections: 0.15 } as const;
export interface Weights {
  residents: number;
  demands: number;
  inspections: number;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** The demands part out of 100: the mean of the on-time rate and the satisfaction rate that exist (0..1 each) × 100. */
export function demandScoreOf(onTimeRate: number | null, satisfactionRate: number | null): number | null {
  const rates = [onTimeRate, satisfactionRate].filter((r): r is number => r !== null);
  return rates.length ? oneDecimal((rates.reduce((a, b) => a + b, 0) / rates.length) * 100) : null;
}

/** The inspections part out of 100: checklist items passed ÷ items checked × 100. */
export function inspectionScoreOf(passed: number, items: number): number | null {
  return items > 0 ? oneDecimal((passed / items) * 100) : null;
}

/**
 * The combined score out of 100: the weighted mean of the parts a compound has (a part without data —
 * no ratings, no demands resolved or evaluated, no inspection — leaves its weight out rather than
 * counting as 0), one decimal; null when it has none.
 */
export function combinedScoreOf(parts: { residents: number | null; demands: number | null; inspections: number | null }, w: Weights) {
  let sum = 0;
  let weight = 0;
  for (const k of ['residents', 'demands', 'inspections'] as const) {
    const v = parts[k];
    if (v === null || w[k] <= 0) continue;
    sum += v * w[k];
    weight += w[k];
  }
  return weight > 0 ? oneDecimal(sum / weight) : null;
}

/** The first and last day of a quarter (YYYY-Qn). */
export function quarterDays(period: string): [string, string] {
  const [y, q] = period.split('-Q').map(Number) as [number, number];
  const first = `${y}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
  const last = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
  return [first, last];
}
