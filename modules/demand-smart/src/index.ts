/**
 * Smart intake: category and level suggestion, similar demands, hot spots and monthly themes.
 * The pure parts (tokenizer, classifier, similarity, hot-spot ranking, synthetic corpus) do no I/O;
 * `suggestFor` is what intake calls while a demand is written (it reads, never writes).
 */
export * from './builtin.ts';
export * from './builtin-prior.ts';
export * from './category-texts.ts';
export * from './classifier.ts';
export { type Retrainer, type RetrainOptions, retrainClassifier } from './commands/retrain-classifier.ts';
export type { SimilarDemand, SuggestBody as SuggestInput, Suggestions } from './contract.ts';
export { classifierStatus, MIN_TENANT_SAMPLES } from './current-classifier.ts';
export * from './features.ts';
export * from './hotspots.ts';
export * from './model-selection.ts';
export { demandSmartModule } from './module.ts';
export * from './similarity.ts';
export { type SuggestOptions, similarTo, suggestFor } from './suggest.ts';
export * from './synthetic-demands.ts';
export * from './tokenize.ts';
export * from './training.ts';
