// The public interface of property: what other modules and the server may import.
export * from './contract.ts';
export { PropertyItemRepository } from './item.repository.ts';
export { propertyModule } from './module.ts';
