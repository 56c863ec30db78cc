import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AttendanceBody, TrainingDetail } from '../contract.ts';
import { ownersCommitteesNouns } from '../errors.ts';
import { TrainingRepository } from '../training.repository.ts';
import { memberView } from './add-member.ts';

/**
 * Records who of the committee members attended a training batch (members of committees under the
 * batch's place, in the caller's scope; an unknown or out-of-scope member answers like an unknown
 * one). Recording a member twice changes nothing.
 */
export async function recordAttendance(tx: Tx, ctx: RequestContext, trainingId: string, input: AttendanceBody): Promise<TrainingDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  const trainings = new TrainingRepository(tx);
  const t = await trainings.lock(tenantId, trainingId, scope);
  if (!t) throw AppError.notFound(ownersCommitteesNouns.training, trainingId);
  const wanted = [...new Set(input.memberIds.map((id) => id.toLowerCase()))];
  const found = new Set(await trainings.membersUnder(tenantId, wanted, t.path, scope));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) throw AppError.notFound(ownersCommitteesNouns.member, missing[0]);
  const added = await trainings.addAttendance(tenantId, trainingId, wanted);
  await recordAudit(
    tx,
    auditEntry(ctx, 'ownersCommittees.training.attendance', { type: 'owners_committee_training', id: trainingId }, { added }),
  );
  const detail = await trainings.detail(tenantId, trainingId, scope, { ...memberView(ctx), scope });
  if (!detail) throw AppError.notFound(ownersCommitteesNouns.training, trainingId);
  return detail;
}
