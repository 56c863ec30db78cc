// The public interface of owners-committees: what other modules and the server may import.
export * from './contract.ts';
export { OwnersCommitteesItemRepository } from './item.repository.ts';
export { ownersCommitteesModule } from './module.ts';
