// The public interface of deliberation: what other modules and the server may import.
export * from './contract.ts';
export { DeliberationItemRepository } from './item.repository.ts';
export { deliberationModule } from './module.ts';
