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
