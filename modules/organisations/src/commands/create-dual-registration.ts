import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  emitEvents,
  newId,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Db } from '@linli/db';
import { residentReference } from '@linli/people';
import { placeReference, territory } from '@linli/territory';
import type { CreateDualRegistrationBody, DualRegistration } from '../contract.ts';
import { DualRegistrationRepository } from '../dual-registration.repository.ts';
import { organisationErrors, organisationPlaces } from '../errors.ts';
import { organisationReference } from '../references.ts';

/** 双报到: an organisation, or an in-service party member, registers with a community to serve it. */
export async function createDualRegistration(tx: Db, ctx: RequestContext, input: CreateDualRegistrationBody): Promise<DualRegistration> {
  const tenantId = ctx.actor.tenantId;
  const registrations = new DualRegistrationRepository(tx);
  // Another community, organisation or resident outside the caller's scope answers as one that does not exist;
  // whether such a resident is a party member is not told.
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'organisation.write'), input, {
    communityId: placeReference,
    // A county or subdistrict organ (机关单位) reports to the communities below it.
    organisationId: { kind: organisationReference, orAboveScope: true },
    residentId: residentReference,
  });
  const errors: ErrorDetail[] = [];
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') errors.push({ field: 'communityId', reason: 'is not a community' });
  if ((input.organisationId === undefined) === (input.residentId === undefined)) {
    errors.push({ field: 'organisationId', reason: 'give either an organisation or a resident (party member), not both' });
  } else if (input.organisationId && !(await registrations.organisationExists(tenantId, input.organisationId))) {
    errors.push({ field: 'organisationId', reason: 'is not a registered organisation' });
  } else if (input.residentId && !(await registrations.residentIsPartyMember(tenantId, input.residentId))) {
    errors.push({ field: 'residentId', reason: 'is not a party member' });
  }
  if (errors.length > 0 || !community) throw AppError.invalid(errors);
  if (!can(ctx.actor, 'organisation.write', community.path))
    throw AppError.of(organisationErrors.write_required_here, { where: organisationPlaces.thisCommunity });
  const registrant = (input.organisationId ?? input.residentId) as string;
  if (await registrations.alreadyRegistered(tenantId, community.id, registrant)) {
    throw AppError.of(organisationErrors.already_registered, { community: community.name });
  }

  const id = newId();
  await registrations.insert({
    tenantId,
    id,
    communityId: community.id,
    organisationId: input.organisationId ?? null,
    residentId: input.residentId ?? null,
    services: input.services ?? null,
    ...(input.registeredOn ? { registeredOn: input.registeredOn } : {}),
  });
  const kind = input.organisationId ? 'organisation' : 'party_member';
  await recordAudit(
    tx,
    auditEntry(ctx, 'organisation.dual_registration.create', { type: 'dual_registration', id }, { communityId: community.id, kind }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'dual_registration.created',
    aggregateType: 'dual_registration',
    aggregateId: id,
    payload: { communityId: community.id, kind },
  });
  const created = await registrations.findById(tenantId, id, scopePaths(ctx.actor, 'organisation.write'));
  if (!created) throw new Error('created registration not readable');
  return created;
}
