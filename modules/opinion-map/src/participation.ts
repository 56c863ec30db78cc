import { type Actor, AppError } from '@linli/core';
import { opinionMapErrors } from './errors.ts';

/**
 * The households (ltree paths) a resident account is granted: it takes part in the conversations of
 * every place above one of them. Staff accounts without a resident grant do not vote — the map is of
 * residents' opinions.
 */
export function residentHomes(actor: Actor): string[] {
  const homes = [...new Set(actor.grants.filter((g) => g.role === 'resident').map((g) => g.path))];
  if (homes.length === 0) throw AppError.of(opinionMapErrors.not_a_resident);
  return homes;
}
