// The public interface of deliberation: what other modules and the server may import.
export { submitTopic } from './commands/submit-topic.ts';
export * from './contract.ts';
export { KpiRepository } from './kpi.repository.ts';
export { deliberationModule } from './module.ts';
export { allowedTopicActions, decideTopic, levelAbove, topicTransitions } from './state-machine.ts';
export { StationRepository } from './station.repository.ts';
export { TopicRepository } from './topic.repository.ts';
export * as topicVocabulary from './vocabulary.ts';
