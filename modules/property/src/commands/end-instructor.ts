import { AppError, auditEntry, type RequestContext, recordAudit, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { EndInstructorBody, Instructor } from '../contract.ts';
import { propertyErrors, propertyNouns } from '../errors.ts';
import { InstructorRepository } from '../instructor.repository.ts';

/** Records that an instructor of the caller's scope left on a day (not before they were appointed; once). Audited. */
export async function endInstructor(tx: Tx, ctx: RequestContext, id: string, input: EndInstructorBody): Promise<Instructor> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'property.write');
  const instructors = new InstructorRepository(tx);
  const found = await instructors.lock(tenantId, id, scope);
  if (!found) throw AppError.notFound(propertyNouns.instructor, id);
  if (found.endedOn) throw AppError.of(propertyErrors.instructor_ended);
  if (input.endedOn < found.appointedOn) throw AppError.invalid([{ field: 'endedOn', reason: 'is before the appointment' }]);
  await instructors.end(tenantId, id, input.endedOn);
  await recordAudit(tx, auditEntry(ctx, 'property.instructor.end', { type: 'property_instructor', id }, { endedOn: input.endedOn }));
  const saved = await instructors.findById(tenantId, id, scope);
  if (!saved) throw AppError.notFound(propertyNouns.instructor, id);
  return saved;
}
