import { AppError, type ErrorDetail, type RequestContext, requireAbility } from '@linli/core';
import type { DemandImportConfig } from './contract.ts';
import { isTimeZone } from './dates.ts';
import type { DemandImportRepository, PlaceRef } from './import.repository.ts';

/**
 * Importing work orders and keeping their mappings need demand.intake on the county: a file of
 * the 12345 centre places demands anywhere in the county, and the people who take in those files
 * are the ones who adapt the mapping when the source changes its columns. demand.configure (the
 * system admin's category set-up) is not asked for: a mapping only reads the categories.
 */
export async function requireCountyIntake(repo: DemandImportRepository, ctx: RequestContext): Promise<PlaceRef> {
  const county = await repo.county(ctx.actor.tenantId);
  if (!county) throw AppError.forbidden('The county has no territory yet');
  requireAbility(ctx.actor, 'demand.intake', county.path);
  return county;
}

/** What the schema cannot check: the zone exists, the category codes and the default place belong to this county. */
export async function checkMappingConfig(
  repo: DemandImportRepository,
  tenantId: string,
  config: DemandImportConfig,
): Promise<ErrorDetail[]> {
  const errors: ErrorDetail[] = [];
  if (!isTimeZone(config.timeZone))
    errors.push({ field: 'config.timeZone', reason: 'is not a known IANA time zone', value: config.timeZone });
  const active = new Set((await repo.categories(tenantId)).filter((c) => c.active).map((c) => c.code));
  const { defaults, valueMaps, columns } = config;
  if (defaults.categoryCode && !active.has(defaults.categoryCode)) {
    errors.push({ field: 'config.defaults.categoryCode', reason: 'is not an active category code', value: defaults.categoryCode });
  }
  for (const [source, code] of Object.entries(valueMaps.category)) {
    if (!active.has(code))
      errors.push({ field: `config.valueMaps.category.${source}`, reason: 'is not an active category code', value: code });
  }
  const departments = await repo.departments(tenantId);
  const departmentNames = new Set(departments.filter((d) => d.active).flatMap((d) => [d.code, d.name]));
  for (const [source, code] of Object.entries(valueMaps.department ?? {})) {
    if (!departmentNames.has(code))
      errors.push({ field: `config.valueMaps.department.${source}`, reason: 'is not an active department of this county', value: code });
  }
  if (!columns.category && !defaults.categoryCode) {
    errors.push({ field: 'config.defaults.categoryCode', reason: 'is required when no column holds the category' });
  }
  if (defaults.nodeId && !(await repo.findPlace(tenantId, defaults.nodeId))) {
    errors.push({ field: 'config.defaults.nodeId', reason: 'is not a place in this county', value: defaults.nodeId });
  }
  if (new Set(columns.description).size !== columns.description.length) {
    errors.push({ field: 'config.columns.description', reason: 'names a column twice' });
  }
  if (Boolean(columns.lat) !== Boolean(columns.lng))
    errors.push({ field: 'config.columns.lat', reason: 'latitude and longitude go together' });
  return errors;
}
