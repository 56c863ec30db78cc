// The public interface of __name__: what other modules and the server may import.
export * from './contract.ts';
export { __Pascal__ItemRepository } from './item.repository.ts';
export { __camel__Module } from './module.ts';
