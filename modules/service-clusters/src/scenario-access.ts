import { AppError } from '@linli/core';
import type { Db } from '@linli/db';
import { defaultParameters, type PartialParameters, type ScenarioParameters } from './contract.ts';
import { serviceClustersErrors, serviceClustersNouns } from './errors.ts';
import { type ScenarioRecord, ScenarioRepository } from './scenario.repository.ts';

/** The scenario in the caller's scope, locked for this write; 404 when unknown or outside the scope. */
export async function scenarioForWrite(db: Db, tenantId: string, id: string, scope: string[]): Promise<ScenarioRecord> {
  const scenarios = new ScenarioRepository(db);
  await scenarios.failStale(tenantId);
  const found = await scenarios.findById(tenantId, id, scope);
  if (!found) throw AppError.notFound(serviceClustersNouns.scenario, id);
  await scenarios.lockRow(tenantId, id);
  return (await scenarios.findById(tenantId, id, scope)) ?? found;
}

/** A scenario that may still change: not being solved, not adopted or superseded (409 otherwise). */
export function requireChangeable(s: ScenarioRecord): void {
  if (s.status === 'solving') throw AppError.of(serviceClustersErrors.solving, { name: s.name });
  if (s.status === 'adopted' || s.status === 'superseded') throw AppError.of(serviceClustersErrors.adopted, { name: s.name });
}

/** Parameters with the given changes over `base`; 400 naming the field when the household bounds cross. */
export function mergeParameters(base: ScenarioParameters, changes: PartialParameters | undefined): ScenarioParameters {
  const merged: ScenarioParameters = { ...defaultParameters, ...base, ...(changes ?? {}) };
  merged.statuses = [...new Set(merged.statuses)];
  if (merged.minHouseholds > merged.maxHouseholds) {
    throw AppError.invalid([{ field: 'parameters.minHouseholds', reason: 'is above parameters.maxHouseholds' }]);
  }
  return merged;
}
