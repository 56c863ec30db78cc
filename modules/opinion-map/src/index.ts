// The public interface of opinion-map: what other modules and the server may import.
export * from './contract.ts';
export { OpinionMapItemRepository } from './item.repository.ts';
export { opinionMapModule } from './module.ts';
