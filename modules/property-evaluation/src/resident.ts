import type { Actor } from '@linli/core';

/** The household a resident account belongs to (its resident grant), if any. */
export function residentHousehold(actor: Actor): { id: string; path: string } | undefined {
  const grant = actor.grants.find((g) => g.role === 'resident');
  return grant ? { id: grant.nodeId, path: grant.path } : undefined;
}
