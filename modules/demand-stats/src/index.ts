export { anonymise, BoardRepository } from './board.repository.ts';
export * from './contract.ts';
export { type KpiGrouping, type KpiOptions, KpiRepository, type KpiScope, kpiGroupings, planPeriod } from './kpi.repository.ts';
export { demandStatsModule } from './module.ts';
