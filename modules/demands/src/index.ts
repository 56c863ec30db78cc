export { CategoryRepository } from './category.repository.ts';
export * from './contract.ts';
export { DemandRepository } from './demand.repository.ts';
export { KpiRepository } from './kpi.repository.ts';
export { demandsModule } from './module.ts';
export * from './state-machine.ts';
