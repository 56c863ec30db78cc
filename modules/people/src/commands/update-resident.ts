import {
  AppError,
  auditEntry,
  can,
  emitEvents,
  type PersonalDataCipher,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { Resident, UpdateResidentBody } from '../contract.ts';
import { peopleErrors, peopleNouns } from '../errors.ts';
import { type ResidentChanges, ResidentRepository } from '../resident.repository.ts';
import { normaliseTags, residentFieldErrors } from '../resident-rules.ts';

/** Changes a resident's data or moves them to another household (both households must be in the caller's scope). */
export async function updateResident(
  tx: Db,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  id: string,
  input: UpdateResidentBody,
): Promise<Resident> {
  const tenantId = ctx.actor.tenantId;
  const writeScope = scopePaths(ctx.actor, 'people.write');
  const residents = new ResidentRepository(tx);
  const current = await residents.locate(tenantId, id, writeScope);
  if (!current) throw AppError.notFound(peopleNouns.resident, id);
  await requireReferences(tx, ctx.actor, writeScope, input, { householdId: placeReference });

  const errors = residentFieldErrors(input);
  let householdId: string | undefined;
  if (input.householdId !== undefined && input.householdId !== current.householdId) {
    const household = await territory.node(tx, tenantId, input.householdId);
    if (household?.kind !== 'household') errors.push({ field: 'householdId', reason: 'is not a household' });
    else if (!can(ctx.actor, 'people.write', household.path))
      throw AppError.of(peopleErrors.write_required_here, { where: peopleNouns.newHousehold });
    else householdId = household.id;
  }
  if (errors.length > 0) throw AppError.invalid(errors);

  const changes: ResidentChanges = {};
  if (householdId) changes.householdId = householdId;
  if (input.name !== undefined) changes.name = input.name.trim();
  if (input.gender !== undefined) changes.gender = input.gender;
  if (input.birthDate !== undefined) changes.birthDate = input.birthDate;
  if (input.relation !== undefined) changes.relation = input.relation;
  if (input.tags !== undefined) changes.tags = normaliseTags(input.tags);
  if (input.isPartyMember !== undefined) changes.isPartyMember = input.isPartyMember;
  if (input.note !== undefined) changes.note = input.note;
  if (input.phone !== undefined) {
    const p = cipher.protect(input.phone, 'phone');
    Object.assign(changes, { phoneEnc: p.enc, phoneHash: p.hash, phoneMasked: p.masked });
  }
  if (input.idNumber !== undefined) {
    const p = cipher.protect(input.idNumber, 'id_number');
    if (p.hash && (await residents.idNumberTaken(tenantId, p.hash, id))) {
      throw AppError.of(peopleErrors.id_number_taken, undefined, { field: 'idNumber' });
    }
    Object.assign(changes, { idNumberEnc: p.enc, idNumberHash: p.hash, idNumberMasked: p.masked });
  }
  await residents.update(tenantId, id, changes);
  const fields = Object.keys(input);
  await recordAudit(tx, auditEntry(ctx, 'people.resident.update', { type: 'resident', id }, { fields }));
  await emitEvents(tx, { tenantId, type: 'resident.updated', aggregateType: 'resident', aggregateId: id, payload: { fields } });
  const updated = await residents.findById(tenantId, id, writeScope);
  if (!updated) throw AppError.of(peopleErrors.moved_outside_scope);
  return updated;
}
