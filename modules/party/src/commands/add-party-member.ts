import { AppError, auditEntry, emitEvents, newId, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { residentReference } from '@linli/people';
import type { CreateMemberBody, PartyMember } from '../contract.ts';
import { partyErrors, partyNouns } from '../errors.ts';
import { PartyMemberRepository } from '../party-member.repository.ts';
import { PartyOrgRepository } from '../party-org.repository.ts';
import { partyOrgReference } from '../references.ts';

/** Registers a resident as a member of a party organisation (one membership per person). */
export async function addPartyMember(tx: Db, ctx: RequestContext, input: CreateMemberBody): Promise<PartyMember> {
  const tenantId = ctx.actor.tenantId;
  const writeScope = scopePaths(ctx.actor, 'party.write');
  const members = new PartyMemberRepository(tx);
  const orgs = new PartyOrgRepository(tx);
  // A resident or organisation outside the caller's party.write scope answers as one that does not exist.
  await requireReferences(tx, ctx.actor, writeScope, input, { residentId: residentReference, orgId: partyOrgReference });
  const org = await orgs.findById(tenantId, input.orgId, writeScope);
  if (!org) throw AppError.notFound(partyNouns.org, input.orgId);
  if (!(await orgs.residentExists(tenantId, input.residentId)))
    throw AppError.invalid([{ field: 'residentId', reason: 'is not a resident' }]);
  if (await members.isMember(tenantId, input.residentId)) throw AppError.of(partyErrors.member_taken, undefined, { field: 'residentId' });

  const id = newId();
  await members.insert({
    tenantId,
    id,
    residentId: input.residentId,
    partyOrgId: org.id,
    joinedOn: input.joinedOn ?? null,
    status: input.status ?? 'full',
    inService: input.inService ?? false,
  });
  await members.markResident(tenantId, input.residentId);
  await recordAudit(tx, auditEntry(ctx, 'party.member.add', { type: 'party_member', id }, { residentId: input.residentId, orgId: org.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'party_member.added',
    aggregateType: 'party_member',
    aggregateId: id,
    payload: { orgId: org.id },
  });
  const created = await members.findById(tenantId, id, writeScope);
  if (!created) throw new Error('created party member not readable');
  return created;
}
