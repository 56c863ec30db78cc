import { type Actor, AppError, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { territory } from '@linli/territory';
import { propertyEvaluationErrors } from './errors.ts';

/** Refuses (403) unless the actor holds propertyEvaluation.write on the county itself: county-wide settings. */
export async function requireCountyWrite(db: Db, actor: Actor, what: string): Promise<void> {
  const county = await territory.countyRoot(db, actor.tenantId);
  if (!county || !scopePaths(actor, 'propertyEvaluation.write').includes(county.path))
    throw AppError.of(propertyEvaluationErrors.county_only, { what });
}
