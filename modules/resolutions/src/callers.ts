import { type Actor, AppError, scopePaths } from '@linli/core';
import { resolutionsErrors } from './errors.ts';

// Residents hold no ability (like in ballots, meetings and the opinion map): a resident follows the
// resolutions of the places above their household through their resident grant, answers surveys and
// objects to notices there; a resident who sits on a supervision committee evaluates (checked against
// membership by evaluate-resolution.ts).

/** The households (ltree paths) of the caller's resident grants; empty for staff. */
export function followerPaths(actor: Actor): string[] {
  return [...new Set(actor.grants.filter((g) => g.role === 'resident').map((g) => g.path))];
}

/** The households of a resident caller; refuses a caller who is no resident. */
export function requireFollower(actor: Actor): string[] {
  const homes = followerPaths(actor);
  if (homes.length === 0) throw AppError.of(resolutionsErrors.not_a_resident);
  return homes;
}

/** Where the caller may evaluate: staff with resolutions.evaluate in their scope, residents from their home up. */
export function evaluatorPaths(actor: Actor): string[] {
  return [...new Set([...scopePaths(actor, 'resolutions.evaluate'), ...followerPaths(actor)])];
}
