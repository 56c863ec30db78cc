import { accountReference } from '@linli/accounts';
import { AppError, auditEntry, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import type { AddMemberBody } from '../contract.ts';
import { resolutionsNouns } from '../errors.ts';
import { SupervisionRepository } from '../supervision.repository.ts';

/** Adds a member to a committee: from 五老乡贤, building leaders or resident representatives, with their account when they evaluate on their phone. */
export async function addMember(tx: Tx, ctx: RequestContext, committeeId: string, input: AddMemberBody): Promise<{ id: string }> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'resolutions.write');
  const repo = new SupervisionRepository(tx);
  const committee = await repo.committee(tenantId, committeeId, scope);
  if (!committee) throw AppError.notFound(resolutionsNouns.committee, committeeId);
  // The account is checked where the committee is, not only where the caller is: a member lives there.
  await requireReferences(tx, ctx.actor, scope, input, { accountId: accountReference });
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const id = await repo.insertMember(tenantId, { committeeId, name, kind: input.kind, accountId: input.accountId });
  await recordAudit(
    tx,
    auditEntry(ctx, 'resolutions.member.add', { type: 'supervision_committee', id: committeeId }, { memberId: id, kind: input.kind }),
  );
  return { id };
}
