// The public interface of property-evaluation (物业服务评价): what other modules and the server may import.
//   RoundRepository(db).ranking(tenantId, roundId, 'compound' | 'company', { nodeId? }) → the round's
//   ranking of residents' ratings with scores out of 100.
//   ScoreRepository(db).scores(tenantId, roundId, 'compound' | 'company') → a closed round's combined scores
//   (published). Closing a round hands its compound scores to the property module (recordEvaluationScores).
export * from './contract.ts';
export { propertyEvaluationModule } from './module.ts';
export { RoundRepository } from './round.repository.ts';
export { ScoreRepository } from './score.repository.ts';
