import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { CreateRenovationBody, RenovationDetail } from '../contract.ts';
import { urbanCasesNouns } from '../errors.ts';
import { RenovationRepository } from '../renovation.repository.ts';
import { checkRenovationInput } from '../renovation-input.ts';

/** Records a renovation project (planned) of compounds in the caller's scope, audited. */
export async function createRenovation(tx: Tx, ctx: RequestContext, input: CreateRenovationBody): Promise<RenovationDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const write = await checkRenovationInput(tx, ctx, scope, input);
  const projects = new RenovationRepository(tx);
  const id = await projects.insert(tenantId, write, ctx.actor.accountId);
  await recordAudit(
    tx,
    auditEntry(ctx, 'urbanCases.renovation.create', { type: 'urban_renovation', id }, { name: write.name, budget: write.budget }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.renovation_created',
    aggregateType: 'urban_renovation',
    aggregateId: id,
    payload: {},
  });
  const created = await projects.findDetail(tenantId, id, scope);
  if (!created) throw AppError.notFound(urbanCasesNouns.renovation, id);
  return created;
}
