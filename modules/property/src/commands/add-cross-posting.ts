import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { CompanyRepository } from '../company.repository.ts';
import type { CrossPosting, CrossPostingBody } from '../contract.ts';
import { propertyNouns } from '../errors.ts';

/** Records a cross-posting (双向进入、交叉任职) of a company in the caller's scope: a person's post in the company and in the party organisation. */
export async function addCrossPosting(tx: Tx, ctx: RequestContext, companyId: string, input: CrossPostingBody): Promise<CrossPosting[]> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const companies = new CompanyRepository(tx);
  if (!(await companies.findById(tenantId, companyId, scope))) throw AppError.notFound(propertyNouns.company, companyId);
  const fields = {
    personName: input.personName.trim(),
    companyPost: input.companyPost.trim(),
    partyPost: input.partyPost.trim(),
    since: input.since,
  };
  const empty = (['personName', 'companyPost', 'partyPost'] as const).filter((f) => !fields[f]);
  if (empty.length) throw AppError.invalid(empty.map((field) => ({ field, reason: 'is empty' })));
  const id = await companies.addCrossPosting(tenantId, companyId, fields);
  await recordAudit(tx, auditEntry(ctx, 'property.cross_posting.add', { type: 'property_company', id: companyId }, { crossPostingId: id }));
  return companies.crossPostings(tenantId, companyId);
}

/** Removes a cross-posting of a company in the caller's scope. */
export async function removeCrossPosting(tx: Tx, ctx: RequestContext, companyId: string, id: string): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const companies = new CompanyRepository(tx);
  if (!(await companies.findById(tenantId, companyId, scope))) throw AppError.notFound(propertyNouns.company, companyId);
  if (!(await companies.removeCrossPosting(tenantId, companyId, id))) throw AppError.notFound(propertyNouns.crossPosting, id);
  await recordAudit(
    tx,
    auditEntry(ctx, 'property.cross_posting.remove', { type: 'property_company', id: companyId }, { crossPostingId: id }),
  );
}
