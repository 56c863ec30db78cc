import { AppError, auditEntry, newId, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import type { CreateMappingBody, ImportMapping } from '../contract.ts';
import { DemandImportRepository } from '../import.repository.ts';
import { checkMappingConfig, requireCountyIntake } from '../mapping-check.ts';

/** Saves a named column mapping of work-order files for the county (demand.intake on the county). */
export async function createMapping(tx: Db, ctx: RequestContext, input: CreateMappingBody): Promise<ImportMapping> {
  const repo = new DemandImportRepository(tx);
  await requireCountyIntake(repo, ctx);
  const { tenantId } = ctx.actor;
  const name = input.name.trim();
  const errors = await checkMappingConfig(repo, tenantId, input.config);
  if (errors.length > 0) throw AppError.invalid(errors);
  if (await repo.nameTaken(tenantId, name, null)) throw AppError.conflict('A mapping with this name already exists', { field: 'name' });
  const mapping = await repo.insertMapping({ tenantId, id: newId(), name, config: input.config, createdBy: ctx.actor.accountId });
  await recordAudit(tx, auditEntry(ctx, 'demand.import_mapping.create', { type: 'demand_import_mapping', id: mapping.id }, { name }));
  return mapping;
}
