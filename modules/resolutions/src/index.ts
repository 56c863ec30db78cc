// The public interface of resolutions: what other modules and the server may import.
export * from './contract.ts';
export { ResolutionsItemRepository } from './item.repository.ts';
export { resolutionsModule } from './module.ts';
