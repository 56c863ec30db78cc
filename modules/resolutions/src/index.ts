// The public interface of resolutions: what other modules and the server may import.
//
// For the deliberation module:
// - `createResolution(tx, ctx, input)`: when a topic is adopted, records the resolution at its place
//   with `topicId`, `meetingId`, the source `demandIds` and its tasks (and a `proposedRule` for the
//   station's rules); the caller needs `resolutions.write` on the place. Returns the resolution.
// - `resolutionFigures(db, { tenantId, paths }, { nodeId?, from, to })`: resolutions decided in the
//   range at places in `paths` → { resolutions, completed, completionRate, satisfactionRate,
//   daysDecisionToCompletion, evaluationsOnTime } (rates in %, one decimal; null without data).
// - `supervisionFigures(db, { tenantId, paths }, { nodeId?, from, to })`: committees and active
//   members under the node, notices published and good ideas reported in the range.
export { createResolution } from './commands/create-resolution.ts';
export * from './contract.ts';
export { quarterlyFigures, resolutionFigures, type SupervisionFigures, supervisionFigures } from './figures.ts';
export { resolutionsModule } from './module.ts';
export { ResolutionRepository } from './resolution.repository.ts';
