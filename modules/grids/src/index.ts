export * from './contract.ts';
export { GridRepository } from './grid.repository.ts';
export { gridsModule } from './module.ts';
export { gridReference } from './references.ts';
