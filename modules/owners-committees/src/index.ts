// The public interface of owners-committees: what other modules and the server may import.
export { CommitteeRepository } from './committee.repository.ts';
export * from './contract.ts';
export { committeeFigures } from './figures.ts';
export { ownersCommitteesModule } from './module.ts';
