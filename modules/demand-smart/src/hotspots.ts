/**
 * Hot spots for proactive governance (未诉先办): from monthly demand counts per place and category,
 * find what is rising (this month against the mean of the months before) and what keeps coming back
 * (several months in a row at the same place), ranked, each with a reason a person can read and a
 * title for a monthly theme (每月一题). Counting happens in SQL; this ranks the counts.
 */

export interface MonthlyCount {
  /** A territory node: a compound, building, community … — whatever level the counts were taken at. */
  territoryId: string;
  territoryName?: string;
  /** A key of the category (an id or a name); `categoryName`, when given, is what the reason and theme show. */
  category: string;
  categoryName?: string;
  /** YYYY-MM. */
  month: string;
  count: number;
}

export interface HotspotOptions {
  /** The month to judge, YYYY-MM. */
  month: string;
  /** Months before `month` whose mean is the baseline (default 3). */
  baselineMonths?: number;
  /** Fewest demands this month for a rise to count (default 5). */
  minCount?: number;
  /** This month ÷ baseline needed for a rise (default 1.5). */
  minRise?: number;
  /** Demands per month that make a month count toward a repeat (default 3). */
  repeatMin?: number;
  /** Consecutive months, this one included, at or above `repeatMin` for a repeat (default 3). */
  repeatMonths?: number;
  limit?: number;
}

export type HotspotKind = 'rising' | 'repeated';

export interface Hotspot {
  territoryId: string;
  territoryName: string;
  category: string;
  categoryName: string;
  month: string;
  count: number;
  /** Mean of the baseline months (months without demands count as 0). */
  baseline: number;
  kinds: HotspotKind[];
  /**
   * Rise: (count − baseline) / √(baseline + 1), a Poisson-style surprise. Repeat: streak × (streak
   * mean ÷ repeatMin). The score is their sum, so a place that is both rising and chronic ranks first.
   */
  score: number;
  /** Consecutive months up to this one with at least repeatMin demands. */
  streak: number;
  reason: string;
  theme: string;
}

/**
 * The fewest demands a place and category must have in the month judged to be a hot spot with
 * these options: a rise needs minCount, a repeat needs repeatMin in every month of its streak, this
 * one included. Series below it need not be read at all.
 */
export function candidateMinimum(options: Omit<HotspotOptions, 'month'> = {}): number {
  const minCount = options.minCount ?? 5;
  const repeatMin = options.repeatMin ?? 3;
  const repeatMonths = options.repeatMonths ?? 3;
  return Math.max(1, Math.min(minCount, repeatMonths > 0 ? repeatMin : 1));
}

export function findHotspots(counts: readonly MonthlyCount[], options: HotspotOptions): Hotspot[] {
  const month = parseMonth(options.month);
  const baselineMonths = options.baselineMonths ?? 3;
  const minCount = options.minCount ?? 5;
  const minRise = options.minRise ?? 1.5;
  const repeatMin = options.repeatMin ?? 3;
  const repeatMonths = options.repeatMonths ?? 3;

  const series = new Map<
    string,
    { territoryId: string; territoryName: string; category: string; categoryName: string; byMonth: Map<number, number> }
  >();
  for (const row of counts) {
    const key = JSON.stringify([row.territoryId, row.category]);
    let entry = series.get(key);
    if (!entry) {
      entry = {
        territoryId: row.territoryId,
        territoryName: row.territoryName ?? row.territoryId,
        category: row.category,
        categoryName: row.categoryName ?? row.category,
        byMonth: new Map(),
      };
      series.set(key, entry);
    }
    if (row.territoryName) entry.territoryName = row.territoryName;
    if (row.categoryName) entry.categoryName = row.categoryName;
    const m = parseMonth(row.month);
    entry.byMonth.set(m, (entry.byMonth.get(m) ?? 0) + row.count);
  }

  const hotspots: Hotspot[] = [];
  for (const entry of series.values()) {
    const count = entry.byMonth.get(month) ?? 0;
    if (count === 0) continue;
    let baselineTotal = 0;
    for (let i = 1; i <= baselineMonths; i += 1) baselineTotal += entry.byMonth.get(month - i) ?? 0;
    const baseline = baselineMonths === 0 ? 0 : baselineTotal / baselineMonths;
    let streak = 0;
    let streakTotal = 0;
    while ((entry.byMonth.get(month - streak) ?? 0) >= repeatMin) {
      streakTotal += entry.byMonth.get(month - streak)!;
      streak += 1;
    }

    const kinds: HotspotKind[] = [];
    const reasons: string[] = [];
    let score = 0;
    if (count >= minCount && count >= minRise * baseline && count > baseline) {
      kinds.push('rising');
      score += (count - baseline) / Math.sqrt(baseline + 1);
      const against =
        baseline === 0
          ? `前${baselineMonths}个月没有`
          : `前${baselineMonths}个月平均${round1(baseline)}件，是平均的${round1(count / baseline)}倍`;
      reasons.push(`本月${count}件，${against}`);
    }
    if (streak >= repeatMonths) {
      kinds.push('repeated');
      score += streak * (streakTotal / streak / repeatMin);
      reasons.push(`连续${streak}个月每月不少于${repeatMin}件，共${streakTotal}件`);
    }
    if (kinds.length === 0) continue;
    hotspots.push({
      territoryId: entry.territoryId,
      territoryName: entry.territoryName,
      category: entry.category,
      categoryName: entry.categoryName,
      month: options.month,
      count,
      baseline: round1(baseline),
      kinds,
      score: Math.round(score * 100) / 100,
      streak,
      reason: `${entry.territoryName}「${entry.categoryName}」：${reasons.join('；')}`,
      theme: `${entry.territoryName}${entry.categoryName}问题`,
    });
  }
  hotspots.sort((a, b) => b.score - a.score || b.count - a.count || (a.theme < b.theme ? -1 : 1));
  return options.limit === undefined ? hotspots : hotspots.slice(0, options.limit);
}

/** Months since year 0, so that month arithmetic is plain subtraction. */
function parseMonth(month: string): number {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`expected a month as YYYY-MM, got ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
