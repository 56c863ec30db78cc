import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { CommitteeRepository } from '../committee.repository.ts';
import type { Committee, CreateCommitteeBody } from '../contract.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { defaultTermYears, kindLabels } from '../vocabulary.ts';
import { addYears, isRealDate } from './compound-residents.ts';

/**
 * Records a committee of a compound in the caller's scope: 业委会 / 业工委, or a 物业管理委员会 where
 * the compound has no active owners' committee. One active committee per compound; the term runs
 * five years from its start unless given.
 */
export async function createCommittee(tx: Tx, ctx: RequestContext, input: CreateCommitteeBody): Promise<Committee> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  await requireReferences(tx, ctx.actor, scope, input, { compoundId: placeReference });
  const compound = await territory.node(tx, tenantId, input.compoundId);
  if (compound?.kind !== 'compound')
    throw AppError.of(ownersCommitteesErrors.not_a_compound, { place: compound?.name ?? input.compoundId });
  const termStart = input.termStart ?? input.formedOn;
  const termEnd = input.termEnd ?? (isRealDate(termStart) ? addYears(termStart, defaultTermYears) : termStart);
  const problems: { field: string; reason: string }[] = [];
  for (const [field, value] of [
    ['formedOn', input.formedOn],
    ['termStart', termStart],
    ['termEnd', termEnd],
  ] as const)
    if (!isRealDate(value)) problems.push({ field, reason: 'is not a date' });
  if (!problems.length && termEnd <= termStart) problems.push({ field: 'termEnd', reason: 'is not after the term start' });
  if (!problems.length && termStart < input.formedOn) problems.push({ field: 'termStart', reason: 'is before the committee was formed' });
  const name = (input.name ?? `${compound.name}${kindLabels[input.kind]}`).trim();
  if (!name) problems.push({ field: 'name', reason: 'is empty' });
  if (problems.length) throw AppError.invalid(problems);
  const committees = new CommitteeRepository(tx);
  const active = await committees.activeOf(tenantId, compound.id);
  if (active) throw AppError.of(ownersCommitteesErrors.committee_exists, { place: compound.name, name: active.name });
  const id = await committees.insert(tenantId, {
    compoundId: compound.id,
    kind: input.kind,
    name,
    formedOn: input.formedOn,
    termStart,
    termEnd,
    note: input.note?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.committee.create', { type: 'owners_committee', id }, { kind: input.kind, name }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.committee_formed',
    aggregateType: 'owners_committee',
    aggregateId: id,
    payload: { compoundId: compound.id, kind: input.kind },
  });
  const created = await committees.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(ownersCommitteesNouns.committee, id);
  return created;
}
