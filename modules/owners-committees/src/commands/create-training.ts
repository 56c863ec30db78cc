import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference } from '@linli/territory';
import type { CreateTrainingBody, Training } from '../contract.ts';
import { ownersCommitteesNouns } from '../errors.ts';
import { TrainingRepository } from '../training.repository.ts';
import { isRealDate } from './compound-residents.ts';

/** Records a training batch for committee members at a place in scope (county, street, community or compound). */
export async function createTraining(tx: Tx, ctx: RequestContext, input: CreateTrainingBody): Promise<Training> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  await requireReferences(tx, ctx.actor, scope, input, { nodeId: placeReference });
  const problems: { field: string; reason: string }[] = [];
  const title = input.title.trim();
  if (!title) problems.push({ field: 'title', reason: 'is empty' });
  if (!isRealDate(input.heldOn)) problems.push({ field: 'heldOn', reason: 'is not a date' });
  if (problems.length) throw AppError.invalid(problems);
  const trainings = new TrainingRepository(tx);
  const id = await trainings.insert(tenantId, {
    nodeId: input.nodeId,
    title,
    heldOn: input.heldOn,
    placeText: input.placeText?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.training.create', { type: 'owners_committee_training', id }, { title }));
  const created = await trainings.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(ownersCommitteesNouns.training, id);
  return created;
}
