export { attachmentCleanupJob } from './attachment-cleanup.ts';
export { CategoryRepository } from './category.repository.ts';
export * from './contract.ts';
export { deadlineJob } from './deadline-job/deadline-job.ts';
export { type DeadlineJobResult, runDeadlineJob } from './deadline-job/run-deadline-job.ts';
export { DemandRepository } from './demand.repository.ts';
export { KpiRepository } from './kpi.repository.ts';
export { demandsModule } from './module.ts';
export * from './state-machine.ts';
