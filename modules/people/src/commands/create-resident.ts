import {
  AppError,
  auditEntry,
  can,
  emitEvents,
  newId,
  type PersonalDataCipher,
  type RequestContext,
  recordAudit,
  requireReferences,
  scopePaths,
} from '@linli/core';
import type { Db } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { CreateResidentBody, Resident } from '../contract.ts';
import { peopleErrors, peopleNouns } from '../errors.ts';
import { ResidentRepository } from '../resident.repository.ts';
import { factsFromIdNumber, normaliseTags, residentFieldErrors } from '../resident-rules.ts';

/** Registers a resident in a household; phone and ID number are stored only encrypted, hashed and masked. */
export async function createResident(
  tx: Db,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  input: CreateResidentBody,
): Promise<Resident> {
  const tenantId = ctx.actor.tenantId;
  const residents = new ResidentRepository(tx);
  // A household outside the caller's people.write scope answers as one that does not exist.
  await requireReferences(tx, ctx.actor, scopePaths(ctx.actor, 'people.write'), input, { householdId: placeReference });
  const errors = residentFieldErrors(input);
  const household = await territory.node(tx, tenantId, input.householdId);
  if (household?.kind !== 'household') errors.push({ field: 'householdId', reason: 'is not a household' });
  if (errors.length > 0 || !household) throw AppError.invalid(errors);
  if (!can(ctx.actor, 'people.write', household.path))
    throw AppError.of(peopleErrors.write_required_here, { where: peopleNouns.thisHousehold });

  const phone = cipher.protect(input.phone, 'phone');
  const idNumber = cipher.protect(input.idNumber, 'id_number');
  if (idNumber.hash && (await residents.idNumberTaken(tenantId, idNumber.hash))) {
    throw AppError.of(peopleErrors.id_number_taken, undefined, { field: 'idNumber' });
  }
  const fromId = input.idNumber ? factsFromIdNumber(input.idNumber) : undefined;
  const id = newId();
  await residents.insert({
    tenantId,
    id,
    householdId: household.id,
    name: input.name.trim(),
    gender: input.gender ?? fromId?.gender ?? null,
    birthDate: input.birthDate ?? fromId?.birthDate ?? null,
    relation: input.relation ?? null,
    phoneEnc: phone.enc,
    phoneHash: phone.hash,
    phoneMasked: phone.masked,
    idNumberEnc: idNumber.enc,
    idNumberHash: idNumber.hash,
    idNumberMasked: idNumber.masked,
    tags: normaliseTags(input.tags),
    isPartyMember: input.isPartyMember ?? false,
    note: input.note ?? null,
  });
  // The audit names the fields given, never their values.
  const fields = Object.keys(input).filter((k) => input[k as keyof CreateResidentBody] !== undefined);
  await recordAudit(tx, auditEntry(ctx, 'people.resident.create', { type: 'resident', id }, { householdId: household.id, fields }));
  await emitEvents(tx, {
    tenantId,
    type: 'resident.created',
    aggregateType: 'resident',
    aggregateId: id,
    payload: { householdId: household.id },
  });
  const created = await residents.findById(tenantId, id, scopePaths(ctx.actor, 'people.write'));
  if (!created) throw new Error('created resident not readable');
  return created;
}
