export { apiKeyHash, type CreatedClient, createOpen311Client } from './commands/create-client.ts';
export { rotateOpen311ClientKey } from './commands/rotate-client-key.ts';
export { setOpen311ClientActive } from './commands/set-client-active.ts';
export { setServiceAttributes } from './commands/set-service-attributes.ts';
export { type AttributeDefinition, attributeDatatypes } from './contract.ts';
export { open311Module } from './module.ts';
export { Open311Repository } from './open311.repository.ts';
export { OPEN311_PREFIX, open311Routes } from './routes.ts';
export type { SystemActor } from './system-actor.ts';
