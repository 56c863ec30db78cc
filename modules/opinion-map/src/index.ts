// The public interface of opinion-map: what other modules and the server may import.
export { type AnalysisResult, analyseOpinions } from './analysis/opinion-analysis.ts';
export * from './contract.ts';
export { ConversationRepository } from './conversation.repository.ts';
export { opinionMapModule } from './module.ts';
