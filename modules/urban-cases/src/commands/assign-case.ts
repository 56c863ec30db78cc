import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { DepartmentRepository } from '@linli/departments';
import { CaseRepository } from '../case.repository.ts';
import { readCaseDetail } from '../case-detail.ts';
import type { AssignCaseBody, UrbanCaseDetail } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';
import { statusLabels } from '../vocabulary.ts';

/** Assigns a reported case to the county department that enforces it (an active department of the caller's county). */
export async function assignCase(tx: Tx, ctx: RequestContext, id: string, input: AssignCaseBody): Promise<UrbanCaseDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'urbanCases.write');
  const cases = new CaseRepository(tx);
  const found = await cases.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(urbanCasesNouns.case, id);
  // Departments belong to the whole county: another county's answers exactly like an unknown one.
  const department = await new DepartmentRepository(tx).find(tenantId, input.departmentId);
  if (!department) throw AppError.notFound(urbanCasesNouns.department, input.departmentId);
  if (!department.active)
    throw AppError.of(urbanCasesErrors.department_inactive, { name: department.name }, [
      { field: 'departmentId', reason: 'is not active' },
    ]);
  if (found.status !== 'reported') throw AppError.of(urbanCasesErrors.case_status, { status: statusLabels[found.status], action: '交办' });
  if (!(await cases.update(tenantId, id, input.version, { status: 'assigned', departmentId: department.id })))
    throw AppError.of(urbanCasesErrors.stale);
  await cases.appendEvent(tenantId, id, {
    action: 'assign',
    fromStatus: 'reported',
    toStatus: 'assigned',
    note: input.note?.trim() ? `${department.name}：${input.note.trim()}` : department.name,
    actorId: ctx.actor.accountId,
    actorName: ctx.actor.displayName,
  });
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.case.assign', { type: 'urban_case', id }, { departmentId: department.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.case_assigned',
    aggregateType: 'urban_case',
    aggregateId: id,
    payload: { departmentId: department.id },
  });
  return readCaseDetail(tx, tenantId, id, scope);
}
