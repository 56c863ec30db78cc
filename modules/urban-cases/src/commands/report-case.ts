import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { territory } from '@linli/territory';
import { CaseRepository } from '../case.repository.ts';
import type { MyCase, ReportCaseBody } from '../contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from '../errors.ts';

/** The compounds a resident lives in: those above the households of their resident grants. */
export async function residentCompounds(tx: Tx, ctx: RequestContext): Promise<{ id: string; name: string; path: string }[]> {
  const households = ctx.actor.grants.filter((g) => g.role === 'resident');
  const found = new Map<string, { id: string; name: string; path: string }>();
  for (const h of households) {
    const compound = await territory.ancestorOfKind(tx, ctx.actor.tenantId, h.path, 'compound');
    if (compound) found.set(compound.id, { id: compound.id, name: compound.name, path: compound.path });
  }
  return [...found.values()];
}

/**
 * A resident reports a case in their own compound from the phone (kind and description; photos
 * follow): a `reported` case the community sees in its list. No quantity: staff measure it.
 */
export async function reportCase(tx: Tx, ctx: RequestContext, input: ReportCaseBody): Promise<MyCase> {
  const tenantId = ctx.actor.tenantId;
  const compounds = await residentCompounds(tx, ctx);
  if (compounds.length === 0) throw AppError.of(urbanCasesErrors.resident_only);
  let compound = compounds[0];
  if (input.compoundId) compound = compounds.find((c) => c.id === input.compoundId);
  else if (compounds.length > 1) throw AppError.invalid([{ field: 'compoundId', reason: 'is required: you live in several compounds' }]);
  if (!compound) throw AppError.of(urbanCasesErrors.not_own_compound, {}, [{ field: 'compoundId', reason: 'is not your compound' }]);
  const description = input.description.trim();
  if (!description) throw AppError.invalid([{ field: 'description', reason: 'is empty' }]);
  const cases = new CaseRepository(tx);
  const id = await cases.insert(tenantId, {
    kind: input.kind,
    nodeId: compound.id,
    description,
    quantity: null,
    source: 'resident',
    reportedBy: ctx.actor.accountId,
  });
  // The resident's name stays out of the timeline (staff see 居民上报).
  await cases.appendEvent(tenantId, id, {
    action: 'report',
    fromStatus: null,
    toStatus: 'reported',
    actorId: ctx.actor.accountId,
    actorName: null,
  });
  await recordAudit(tx, auditEntry(ctx, 'urbanCases.case.report', { type: 'urban_case', id }, { kind: input.kind, nodeId: compound.id }));
  await emitEvents(tx, {
    tenantId,
    type: 'urbanCases.case_reported',
    aggregateType: 'urban_case',
    aggregateId: id,
    payload: { kind: input.kind },
  });
  const mine = (await cases.mine(tenantId, ctx.actor.accountId)).find((c) => c.id === id);
  if (!mine) throw AppError.notFound(urbanCasesNouns.case, id);
  return mine;
}
