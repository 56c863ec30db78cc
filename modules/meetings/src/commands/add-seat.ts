import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { DepartmentRepository } from '@linli/departments';
import { organisationReference } from '@linli/organisations';
import { partyOrgReference } from '@linli/party';
import { residentReference } from '@linli/people';
import type { AddSeatBody, CouncilDetail } from '../contract.ts';
import { CouncilRepository } from '../council.repository.ts';
import { meetingsErrors, meetingsNouns } from '../errors.ts';
import { canAddMember } from '../rules.ts';
import { councilDetail } from './council-detail.ts';

/**
 * Seats a member on a council: a resident from the people records (named by their record), standing
 * for a party organisation, an organisation (owners' committee, property company) or a county
 * department. Refused when the council is full (a community council has at most 9 members) or the
 * person already holds a seat.
 */
export async function addSeat(tx: Tx, ctx: RequestContext, councilId: string, input: AddSeatBody): Promise<CouncilDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'meetings.write');
  const councils = new CouncilRepository(tx);
  const council = await councils.findById(tenantId, councilId, scope);
  if (!council) throw AppError.notFound(meetingsNouns.council, councilId);
  await requireReferences(tx, ctx.actor, scope, input, {
    residentId: residentReference,
    partyOrgId: { kind: partyOrgReference, orAboveScope: true },
    organisationId: { kind: organisationReference, orAboveScope: true },
  });
  if (input.departmentId && !(await new DepartmentRepository(tx).find(tenantId, input.departmentId))) {
    throw new AppError('not_found', 'Department not found', [{ field: 'departmentId', reason: 'not found' }]);
  }
  if (!council.active) throw AppError.of(meetingsErrors.council_inactive);
  let name = input.name?.trim();
  if (input.residentId) {
    const resident = await councils.residentName(tenantId, input.residentId);
    name ||= resident?.name;
    if (await councils.seatHeld(tenantId, councilId, input.residentId)) throw AppError.of(meetingsErrors.seat_taken);
  }
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is required when no resident is named' }]);
  if (input.termStart && input.termEnd && input.termStart > input.termEnd) {
    throw AppError.invalid([{ field: 'termEnd', reason: 'is before termStart' }]);
  }
  await councils.lock(tenantId, councilId);
  const current = (await councils.findById(tenantId, councilId, scope))?.members ?? 0;
  if (!canAddMember(current, council.maxMembers)) throw AppError.of(meetingsErrors.council_full, { max: council.maxMembers ?? current });
  const seatId = await councils.insertSeat(tenantId, councilId, {
    ...input,
    name,
    termStart: input.termStart ?? council.termStart ?? undefined,
    termEnd: input.termEnd ?? council.termEnd ?? undefined,
  });
  await recordAudit(tx, auditEntry(ctx, 'meetings.seat.add', { type: 'council_seat', id: seatId }, { councilId, role: input.role }));
  const detail = await councilDetail(tx, ctx, councilId);
  if (!detail) throw AppError.notFound(meetingsNouns.council, councilId);
  return detail;
}
