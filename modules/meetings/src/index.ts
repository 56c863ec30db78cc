// The public interface of meetings: what other modules and the server may import.
export * from './contract.ts';
export { MeetingsItemRepository } from './item.repository.ts';
export { meetingsModule } from './module.ts';
