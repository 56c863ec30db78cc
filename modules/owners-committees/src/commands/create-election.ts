import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { CommitteeRepository } from '../committee.repository.ts';
import type { CreateElectionBody, ElectionDetail } from '../contract.ts';
import { ElectionRepository } from '../election.repository.ts';
import { ownersCommitteesErrors, ownersCommitteesNouns } from '../errors.ts';
import { defaultTermYears, kindLabels } from '../vocabulary.ts';
import { memberView } from './add-member.ts';

/**
 * Starts a re-election (换届) of a compound's owners' committee — or its first election where a
 * property management committee or nobody serves. One election under way per compound.
 */
export async function createElection(tx: Tx, ctx: RequestContext, input: CreateElectionBody): Promise<ElectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'ownersCommittees.write');
  await requireReferences(tx, ctx.actor, scope, input, { compoundId: placeReference });
  const compound = await territory.node(tx, tenantId, input.compoundId);
  if (compound?.kind !== 'compound')
    throw AppError.of(ownersCommitteesErrors.not_a_compound, { place: compound?.name ?? input.compoundId });
  const elections = new ElectionRepository(tx);
  if (await elections.running(tenantId, compound.id)) throw AppError.of(ownersCommitteesErrors.election_running, { place: compound.name });
  const active = await new CommitteeRepository(tx).activeOf(tenantId, compound.id);
  const term = (await elections.count(tenantId, compound.id)) + 1;
  const title = (input.title ?? `${compound.name}第${term}届${kindLabels[input.kind]}选举`).trim();
  if (!title) throw AppError.invalid([{ field: 'title', reason: 'is empty' }]);
  const id = await elections.insert(tenantId, {
    compoundId: compound.id,
    committeeId: active?.id ?? null,
    kind: input.kind,
    title,
    seats: input.seats,
    termYears: input.termYears ?? defaultTermYears,
    createdBy: ctx.actor.accountId,
  });
  await recordAudit(tx, auditEntry(ctx, 'ownersCommittees.election.create', { type: 'owners_committee_election', id }, { title }));
  await emitEvents(tx, {
    tenantId,
    type: 'ownersCommittees.election_started',
    aggregateType: 'owners_committee_election',
    aggregateId: id,
    payload: { compoundId: compound.id, committeeId: active?.id ?? null },
  });
  const created = await elections.detail(tenantId, id, scope, memberView(ctx));
  if (!created) throw AppError.notFound(ownersCommitteesNouns.election, id);
  return created;
}
