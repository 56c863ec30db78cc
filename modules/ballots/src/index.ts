// The public interface of ballots: what other modules and the server may import.
export * from './contract.ts';
export { BallotsItemRepository } from './item.repository.ts';
export { ballotsModule } from './module.ts';
