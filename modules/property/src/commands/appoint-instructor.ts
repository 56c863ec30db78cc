import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import type { AppointInstructorBody, Instructor } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { InstructorRepository } from '../instructor.repository.ts';
import { propertyCompanyReference } from '../references.ts';

/**
 * Appoints a party-building instructor (党建指导员) to a compound or community of the caller's scope
 * and, when named, to a property company the caller may see (双向进入 starts with one). Audited.
 */
export async function appointInstructor(tx: Tx, ctx: RequestContext, input: AppointInstructorBody): Promise<Instructor> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const companyId = input.companyId ?? null;
  await requireReferences(
    tx,
    ctx.actor,
    scope,
    { nodeId: input.nodeId, ...(companyId ? { companyId } : {}) },
    { nodeId: placeReference, companyId: propertyCompanyReference },
  );
  const node = await territory.node(tx, tenantId, input.nodeId);
  if (!node || (node.kind !== 'compound' && node.kind !== 'community')) throw AppError.of(propertyErrors.instructor_place);
  const instructors = new InstructorRepository(tx);
  const id = await instructors.insert(tenantId, {
    name: input.name.trim(),
    unit: input.unit?.trim() || null,
    nodeId: input.nodeId,
    companyId,
    appointedOn: input.appointedOn,
    by: ctx.actor.accountId,
  });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'property.instructor.appoint',
      { type: 'property_instructor', id },
      { nodeId: input.nodeId, companyId, appointedOn: input.appointedOn },
    ),
  );
  const saved = await instructors.findById(tenantId, id, scope);
  if (!saved) throw AppError.notFound(propertyNouns.instructor, id);
  return saved;
}
