// The statistics module's fixed lists. Imports nothing: the contract, the repository and the web app read it.

export const kpiGroupings = ['none', 'child', 'category', 'month', 'level', 'channel'] as const;
export type KpiGrouping = (typeof kpiGroupings)[number];
