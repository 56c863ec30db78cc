export * from './contract.ts';
export { LeaderRepository } from './leader.repository.ts';
export { peopleModule } from './module.ts';
export { residentReference } from './references.ts';
export { ResidentRepository } from './resident.repository.ts';
