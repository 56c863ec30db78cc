import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { DemandImportRepository } from '../import.repository.ts';
import { requireCountyIntake } from '../mapping-check.ts';

/** Deletes a mapping; demands imported through it keep everything (the audit names the mapping of each import). */
export async function deleteMapping(tx: Db, ctx: RequestContext, id: string): Promise<void> {
  const repo = new DemandImportRepository(tx);
  await requireCountyIntake(repo, ctx);
  const current = await repo.findMapping(ctx.actor.tenantId, id);
  if (!current || !(await repo.deleteMapping(ctx.actor.tenantId, id))) throw AppError.notFound('Import mapping', id);
  await recordAudit(tx, auditEntry(ctx, 'demand.import_mapping.delete', { type: 'demand_import_mapping', id }, { name: current.name }));
}
