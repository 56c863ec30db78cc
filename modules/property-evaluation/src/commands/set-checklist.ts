import { AppError, auditEntry, type RequestContext, recordAudit } from '@linli/core';
import type { Tx } from '@linli/db';
import { ChecklistRepository } from '../checklist.repository.ts';
import type { Checklist, ChecklistBody } from '../contract.ts';
import { requireCountyWrite } from '../county.ts';

/**
 * Sets the county's inspection checklist (物业服务检查项目) — county staff only. Items whose label stays
 * keep their id (past inspections still name them); the others are retired. Audited.
 */
export async function setChecklist(tx: Tx, ctx: RequestContext, input: ChecklistBody): Promise<Checklist> {
  await requireCountyWrite(tx, ctx.actor, '物业服务检查项目');
  const labels = input.labels.map((l) => l.trim());
  const problems = labels.flatMap((l, i) =>
    !l
      ? [{ field: `labels/${i}`, reason: 'is empty' }]
      : labels.indexOf(l) !== i
        ? [{ field: `labels/${i}`, reason: 'repeats an earlier item' }]
        : [],
  );
  if (problems.length) throw AppError.invalid(problems);
  const checklist = new ChecklistRepository(tx);
  await checklist.replace(ctx.actor.tenantId, labels);
  await recordAudit(tx, auditEntry(ctx, 'propertyEvaluation.checklist.set', { type: 'property_inspection_item', id: null }, { labels }));
  return { items: await checklist.active(ctx.actor.tenantId) };
}
