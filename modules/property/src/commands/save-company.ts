import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { partyOrgReference } from '@linli/party';
import { placeReference, territory } from '@linli/territory';
import { type CompanyFields, CompanyRepository } from '../company.repository.ts';
import type { PropertyCompany, SaveCompanyBody } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { recomputeStatuses } from '../status.ts';
import { isCreditCode } from '../vocabulary.ts';

/** Checks and normalises the fields of a company: its community and party branch in scope, a valid, unused credit code. */
async function checkedFields(
  tx: Tx,
  ctx: RequestContext,
  scope: string[],
  input: SaveCompanyBody,
  exceptId?: string,
): Promise<CompanyFields> {
  const tenantId = ctx.actor.tenantId;
  // A community or party organisation outside the caller's scope answers exactly like one that does not exist.
  await requireReferences(tx, ctx.actor, scope, input, { communityId: placeReference, partyOrgId: partyOrgReference });
  const community = await territory.node(tx, tenantId, input.communityId);
  if (community?.kind !== 'community') throw AppError.of(propertyErrors.not_a_community, { place: community?.name ?? input.communityId });
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const creditCode = input.creditCode?.trim().toUpperCase() || null;
  if (creditCode && !isCreditCode(creditCode)) {
    throw AppError.of(propertyErrors.credit_code_invalid, { code: creditCode }, [{ field: 'creditCode', reason: 'check character' }]);
  }
  if (creditCode && (await new CompanyRepository(tx).creditCodeTaken(tenantId, creditCode, exceptId))) {
    throw AppError.of(propertyErrors.credit_code_taken, { code: creditCode }, [{ field: 'creditCode', reason: 'taken' }]);
  }
  return {
    communityId: input.communityId,
    name,
    kind: input.kind,
    creditCode,
    servicePhone: input.servicePhone?.trim() || null,
    partyOrgId: input.partyOrgId ?? null,
    instructorName: input.instructorName?.trim() || null,
  };
}

/** Registers a property company (物业服务企业) in a community of the caller's scope (audited, with its event). */
export async function createCompany(tx: Tx, ctx: RequestContext, input: SaveCompanyBody): Promise<PropertyCompany> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const fields = await checkedFields(tx, ctx, scope, input);
  const companies = new CompanyRepository(tx);
  const id = await companies.insert(tenantId, { ...fields, createdBy: ctx.actor.accountId });
  await recordAudit(
    tx,
    auditEntry(ctx, 'property.company.create', { type: 'property_company', id }, { name: fields.name, kind: fields.kind }),
  );
  await emitEvents(tx, { tenantId, type: 'property.company_created', aggregateType: 'property_company', aggregateId: id, payload: {} });
  const created = await companies.findById(tenantId, id, scope);
  if (!created) throw AppError.notFound(propertyNouns.company, id);
  return created;
}

/**
 * Changes a registered company. A change of kind (e.g. to self-managed) changes the computed status
 * of the compounds it serves, which are recomputed in the same transaction.
 */
export async function updateCompany(tx: Tx, ctx: RequestContext, id: string, input: SaveCompanyBody): Promise<PropertyCompany> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const companies = new CompanyRepository(tx);
  const before = await companies.findById(tenantId, id, scope);
  if (!before) throw AppError.notFound(propertyNouns.company, id);
  const fields = await checkedFields(tx, ctx, scope, input, id);
  await companies.update(tenantId, id, fields);
  if (before.kind !== fields.kind)
    await recomputeStatuses(tx, tenantId, { changedBy: ctx.actor.accountId, reason: 'company kind changed' });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.company.update',
      { type: 'property_company', id },
      { name: fields.name, kind: fields.kind, kindBefore: before.kind },
    ),
  );
  await emitEvents(tx, { tenantId, type: 'property.company_updated', aggregateType: 'property_company', aggregateId: id, payload: {} });
  const updated = await companies.findById(tenantId, id, scope);
  if (!updated) throw AppError.notFound(propertyNouns.company, id);
  return updated;
}
