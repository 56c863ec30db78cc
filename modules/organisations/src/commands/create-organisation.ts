import {
  AppError,
  auditEntry,
  can,
  type ErrorDetail,
  emitEvents,
  isValidPhone,
  newId,
  type PersonalDataCipher,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateOrganisationBody, Organisation } from '../contract.ts';
import { organisationErrors, organisationPlaces } from '../errors.ts';
import { OrganisationRepository } from '../organisation.repository.ts';

/** Kinds that belong to one compound: 业委会 and 物管会 are formed by a compound's owners. */
const compoundKinds = new Set(['owners_committee', 'property_management_committee']);

/** Registers an organisation at a territory node; a property company may name the compounds it serves (一托多). */
export async function createOrganisation(
  tx: Db,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  input: CreateOrganisationBody,
): Promise<Organisation> {
  const tenantId = ctx.actor.tenantId;
  const writeScope = scopePaths(ctx.actor, 'organisation.write');
  const orgs = new OrganisationRepository(tx);
  // Places outside the caller's organisation.write scope answer as places that do not exist.
  await requireReferences(tx, ctx.actor, writeScope, input, { nodeId: placeReference, servedCompoundIds: placeReference });
  const errors: ErrorDetail[] = [];
  const node = await territory.node(tx, tenantId, input.nodeId);
  if (!node) errors.push({ field: 'nodeId', reason: 'is not a territory node' });
  else if (compoundKinds.has(input.kind) && node.kind !== 'compound')
    errors.push({ field: 'nodeId', reason: `a ${input.kind} belongs to a compound` });
  if (input.phone && !isValidPhone(input.phone))
    errors.push({ field: 'phone', reason: 'is not a mainland mobile number or a landline with area code' });
  const served = input.servedCompoundIds ?? [];
  if (served.length > 0 && input.kind !== 'property_company') {
    errors.push({ field: 'servedCompoundIds', reason: 'only a property company serves compounds' });
  } else if (served.length > 0) {
    const found = new Set(await orgs.compoundsIn(tenantId, served, writeScope));
    served.forEach((id, i) => {
      if (!found.has(id)) errors.push({ field: `servedCompoundIds.${i}`, reason: 'is not a compound in your area', value: id });
    });
  }
  if (errors.length > 0 || !node) throw AppError.invalid(errors);
  if (!can(ctx.actor, 'organisation.write', node.path))
    throw AppError.of(organisationErrors.write_required_here, { where: organisationPlaces.thisPlace });
  const name = input.name.trim();
  if (await orgs.nameTaken(tenantId, node.id, input.kind, name))
    throw AppError.of(organisationErrors.name_taken_here, { name }, { field: 'name' });

  const id = newId();
  const phone = cipher.protect(input.phone, 'phone');
  await orgs.insert(
    {
      tenantId,
      id,
      kind: input.kind,
      name,
      nodeId: node.id,
      creditCode: input.creditCode ?? null,
      stateOwned: input.stateOwned ?? false,
      contactName: input.contactName ?? null,
      phoneEnc: phone.enc,
      phoneHash: phone.hash,
      phoneMasked: phone.masked,
    },
    served,
  );
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'organisation.create',
      { type: 'organisation', id },
      { kind: input.kind, nodeId: node.id, servedCompounds: served.length },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'organisation.created',
    aggregateType: 'organisation',
    aggregateId: id,
    payload: { kind: input.kind, nodeId: node.id },
  });
  const created = await orgs.findById(tenantId, id, writeScope);
  if (!created) throw new Error('created organisation not readable');
  return created;
}
