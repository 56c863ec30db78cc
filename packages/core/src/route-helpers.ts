import { AppError } from './app-error.ts';
import { type Ability, type Actor, can } from './permissions.ts';

type ErrorRef = { $ref: string };

/** The error responses of a route schema: each status answers with the one ErrorBody. */
export function errorResponses<S extends number>(...statuses: S[]): Record<`${S}`, ErrorRef> {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: 'ErrorBody#' }])) as Record<`${S}`, ErrorRef>;
}

/**
 * Throws 403 unless the actor holds one of the abilities somewhere; the message names the first,
 * as requireAbility would. For reads open to either of two roles (e.g. who takes in demands or who reads them).
 */
export function requireAnyAbility(actor: Actor, abilities: readonly [Ability, ...Ability[]]): void {
  if (!abilities.some((a) => can(actor, a))) throw AppError.forbidden(`Permission ${abilities[0]} is required`);
}
