// The public interface of urban-cases: what other modules and the server may import.
export * from './contract.ts';
export { UrbanCasesItemRepository } from './item.repository.ts';
export { urbanCasesModule } from './module.ts';
