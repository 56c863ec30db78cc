import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { RenovationDetail, UpdateRenovationBody } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { RenovationRepository } from '../renovation.repository.ts';
import { checkRenovationInput } from '../renovation-input.ts';

/** Changes a project's compounds, scope, budget, funding, phases (their actual dates too) or consultation topic. */
export async function updateRenovation(tx: Tx, ctx: RequestContext, id: string, input: UpdateRenovationBody): Promise<RenovationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const projects = new RenovationRepository(tx);
  const found = await projects.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.renovation, id);
  const { version, ...body } = input;
  const write = await checkRenovationInput(tx, ctx, scope, body);
  if (!(await projects.update(tenantId, id, version, write))) throw AppError.of(urbanCasesErrors.stale);
  await recordAudit(
    tx,
    auditEntry(ctx, 'urbanCases.renovation.update', { type: 'urban_renovation', id }, { name: write.name, budget: write.budget }),
  );
  const updated = await projects.findDetail(tenantId, id, scope);
  if (!updated) throw AppError.notFound(urbanCasesNouns.renovation, id);
  return updated;
}
