import { AppError, type ErrorDetail, type RequestContext, requireReferences } from '@linli/core';
import type { Tx } from '@linli/db';
import { TopicRepository } from '@linli/deliberation';
import { placeReference, territory } from '@linli/territory';
import type { CreateRenovationBody } from './contract.ts';
import { urbanCasesErrors, urbanCasesNouns } from './errors.ts';
import type { RenovationWrite } from './renovation.repository.ts';

const cents = (v: number) => Math.round(v * 100);

/**
 * Checks a project's input and gives what is written: its compounds in the caller's write scope
 * (another community's or county's answer like unknown ones), all compounds; the consultation
 * topic found in scope through the deliberation module's repository; the funding summing to the
 * budget; each phase's dates in order. The project is held at the deepest place containing all its
 * compounds (the compound itself, its community, the subdistrict or the county).
 */
export async function checkRenovationInput(
  tx: Tx,
  ctx: RequestContext,
  scope: string[],
  input: CreateRenovationBody,
): Promise<RenovationWrite> {
  const tenantId = ctx.actor.tenantId;
  await requireReferences(tx, ctx.actor, scope, input, { compoundIds: placeReference });
  const compounds = [];
  for (const id of input.compoundIds) {
    const node = await territory.node(tx, tenantId, id);
    if (node?.kind !== 'compound')
      throw AppError.of(urbanCasesErrors.not_a_compound, { place: node?.name ?? id }, [
        { field: 'compoundIds', reason: 'is not a compound', value: id },
      ]);
    compounds.push(node);
  }
  if (input.topicId) {
    const topic = await new TopicRepository(tx).findRecord(tenantId, input.topicId, scope);
    if (!topic) throw AppError.notFound(urbanCasesNouns.topic, input.topicId);
  }
  const name = input.name.trim();
  if (!name) throw AppError.invalid([{ field: 'name', reason: 'is empty' }]);
  const problems: ErrorDetail[] = [];
  const sources = new Set<string>();
  for (const [i, f] of input.funding.entries()) {
    if (sources.has(f.source)) problems.push({ field: `funding[${i}].source`, reason: 'is given twice' });
    sources.add(f.source);
  }
  for (const [i, p] of input.phases.entries()) {
    if (!p.name.trim()) problems.push({ field: `phases[${i}].name`, reason: 'is empty' });
    if (p.plannedStart && p.plannedEnd && p.plannedEnd < p.plannedStart)
      problems.push({ field: `phases[${i}].plannedEnd`, reason: 'is before the planned start' });
    if (p.actualStart && p.actualEnd && p.actualEnd < p.actualStart)
      problems.push({ field: `phases[${i}].actualEnd`, reason: 'is before the actual start' });
  }
  if (problems.length) throw AppError.invalid(problems);
  const sum = input.funding.reduce((s, f) => s + cents(f.amount), 0);
  if (input.funding.length > 0 && sum !== cents(input.budget))
    throw AppError.of(urbanCasesErrors.funding_sum, { sum: (sum / 100).toFixed(2), budget: input.budget.toFixed(2) }, [
      { field: 'funding', reason: `sums to ${(sum / 100).toFixed(2)}, not the budget ${input.budget.toFixed(2)}` },
    ]);
  // The deepest node containing every compound: the common prefix of their paths.
  const labels = compounds.map((c) => c.path.split('.'));
  const common: string[] = [];
  for (let i = 0; labels.every((l) => l[i] !== undefined && l[i] === labels[0]?.[i]); i++) common.push(labels[0]?.[i] as string);
  const holder = (await territory.pathNodes(tx, tenantId, common.join('.'))).at(-1);
  if (!holder) throw AppError.invalid([{ field: 'compoundIds', reason: 'are not in one county' }]);
  return {
    name,
    nodeId: holder.id,
    compoundIds: compounds.map((c) => c.id),
    scopeItems: input.scopeItems,
    scopeNote: input.scopeNote?.trim() || null,
    budget: input.budget,
    funding: input.funding.filter((f) => f.amount > 0),
    phases: input.phases.map((p) => ({ ...p, name: p.name.trim() })),
    topicId: input.topicId ?? null,
  };
}
