import { shanghaiDay } from '@linli/calendar';
import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit, requireReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { ChecklistRepository } from '../checklist.repository.ts';
import type { InspectionDetail, RecordInspectionBody } from '../contract.ts';
import { propertyEvaluationErrors, propertyEvaluationNouns } from '../errors.ts';
import { InspectionRepository } from '../inspection.repository.ts';
import { RoundRepository } from '../round.repository.ts';

/**
 * Records a staff inspection (物业服务检查) of a compound in the caller's scope: a result (pass/fail, a
 * note) for every active item of the county's checklist, the day (not after today, China time), who
 * inspected (the caller) and the company serving the compound now (kept as it was). Photos follow.
 */
export async function recordInspection(
  tx: Tx,
  ctx: RequestContext,
  input: RecordInspectionBody,
  now = new Date(),
): Promise<InspectionDetail> {
  const tenantId = ctx.actor.tenantId;
  const scope = scopePaths(ctx.actor, 'propertyEvaluation.write');
  await requireReferences(tx, ctx.actor, scope, input, { compoundId: placeReference });
  const compound = await territory.node(tx, tenantId, input.compoundId);
  if (compound?.kind !== 'compound')
    throw AppError.of(propertyEvaluationErrors.not_a_compound, { place: compound?.name ?? input.compoundId });
  if (input.inspectedOn > shanghaiDay(now)) throw AppError.of(propertyEvaluationErrors.inspected_in_future, { day: input.inspectedOn });
  const items = await new ChecklistRepository(tx).active(tenantId);
  if (items.length === 0) throw AppError.of(propertyEvaluationErrors.no_checklist);
  const active = new Set(items.map((i) => i.id));
  const given = new Set<string>();
  const problems: { field: string; reason: string }[] = [];
  input.results.forEach((r, i) => {
    if (!active.has(r.itemId)) problems.push({ field: `results/${i}/itemId`, reason: 'is not an item of the checklist' });
    else if (given.has(r.itemId)) problems.push({ field: `results/${i}/itemId`, reason: 'is given twice' });
    given.add(r.itemId);
  });
  for (const item of items) if (!given.has(item.id)) problems.push({ field: 'results', reason: `has no result for 「${item.label}」` });
  if (problems.length) throw AppError.invalid(problems);
  const company = await new RoundRepository(tx).companyOf(tenantId, compound.id);
  const inspections = new InspectionRepository(tx);
  const id = await inspections.insert(tenantId, {
    compoundId: compound.id,
    company,
    inspectedOn: input.inspectedOn,
    inspectorId: ctx.actor.accountId,
    inspectorName: ctx.actor.displayName,
    note: input.note?.trim() || null,
    results: input.results.map((r) => ({ itemId: r.itemId, passed: r.passed, note: r.note?.trim() || null })),
  });
  const passed = input.results.filter((r) => r.passed).length;
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'propertyEvaluation.inspection.record',
      { type: 'property_inspection', id },
      { compoundId: compound.id, companyId: company?.id ?? null, items: input.results.length, passed },
    ),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'propertyEvaluation.inspected',
    aggregateType: 'property_inspection',
    aggregateId: id,
    payload: { compoundId: compound.id, companyId: company?.id ?? null },
  });
  const saved = await inspections.detail(tenantId, id, scope);
  if (!saved) throw AppError.notFound(propertyEvaluationNouns.inspection, id);
  return saved;
}
