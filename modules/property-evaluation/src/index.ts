// The public interface of property-evaluation (物业服务评价): what other modules and the server may import.
//   RoundRepository(db).ranking(tenantId, roundId, 'compound' | 'company', { nodeId? }) → the round's
//   ranking with scores out of 100 (the property module may weigh them in a compound's status).
export * from './contract.ts';
export { propertyEvaluationModule } from './module.ts';
export { RoundRepository } from './round.repository.ts';
