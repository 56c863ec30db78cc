import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import type { ImportMapping, UpdateMappingBody } from '../contract.ts';
import { DemandImportRepository } from '../import.repository.ts';
import { checkMappingConfig, requireCountyIntake } from '../mapping-check.ts';

/** Replaces a mapping's name and configuration; a stale version is 409 with the current one. */
export async function updateMapping(tx: Db, ctx: RequestContext, id: string, input: UpdateMappingBody): Promise<ImportMapping> {
  const repo = new DemandImportRepository(tx);
  await requireCountyIntake(repo, ctx);
  const { tenantId } = ctx.actor;
  const current = await repo.findMapping(tenantId, id);
  if (!current) throw AppError.notFound('Import mapping', id);
  const name = input.name.trim();
  const errors = await checkMappingConfig(repo, tenantId, input.config);
  if (errors.length > 0) throw AppError.invalid(errors);
  if (await repo.nameTaken(tenantId, name, id)) throw AppError.conflict('A mapping with this name already exists', { field: 'name' });
  const updated = await repo.updateMapping(tenantId, id, input.version, { name, config: input.config });
  if (!updated) throw AppError.conflict('The mapping was changed by someone else; reload it', { version: current.version });
  await recordAudit(
    tx,
    auditEntry(ctx, 'demand.import_mapping.update', { type: 'demand_import_mapping', id }, { name, previousName: current.name }),
  );
  return updated;
}
