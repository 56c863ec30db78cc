export { attachmentCleanupJob } from './attachment-cleanup.ts';
export { CategoryRepository, deadlineRuleSql } from './category.repository.ts';
export { acceptDemand } from './commands/accept-demand.ts';
export { dispatchDemand } from './commands/dispatch-demand.ts';
export { recordCallback } from './commands/record-callback.ts';
export { rejectDemand } from './commands/reject-demand.ts';
export { reopenDemand } from './commands/reopen-demand.ts';
export { resolveDemand } from './commands/resolve-demand.ts';
export { revealReporter } from './commands/reveal-reporter.ts';
export { startDemand } from './commands/start-demand.ts';
export { submitDemand } from './commands/submit-demand.ts';
export { requireConfigure } from './configure.ts';
export * from './contract.ts';
export { deadlineJob } from './deadline-job/deadline-job.ts';
export { type DeadlineJobResult, runDeadlineJob } from './deadline-job/run-deadline-job.ts';
export { computeDeadlines, type DeadlineCalendar, type DeadlineRule, FALLBACK_RULE } from './deadlines.ts';
export { DemandRepository, iso, PUBLISHABLE, visibleTo } from './demand.repository.ts';
export { demandLabelsZh } from './labels.zh-CN.ts';
export { demandsModule } from './module.ts';
export * from './state-machine.ts';
export {
  type DueDemand,
  demandsDueBetween,
  openDemandsOfReporter,
  openPublicDemandsIn,
  type PublicOpenDemand,
  type ReporterOpenDemand,
} from './work-reads.ts';
