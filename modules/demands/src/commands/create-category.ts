import { AppError, auditEntry, type ErrorDetail, emitEvents, newId, type RequestContext, recordAudit } from '@linli/core';
import { type Db, ltreeLabel } from '@linli/db';
import { DepartmentRepository } from '@linli/departments';
import { CategoryRepository } from '../category.repository.ts';
import { requireConfigure } from '../configure.ts';
import type { Category, CreateCategoryBody } from '../contract.ts';
import { demandErrors } from '../errors.ts';

/** Adds a category (or subcategory) to the county's tree, with its default level and its own deadlines. */
export async function createCategory(tx: Db, ctx: RequestContext, input: CreateCategoryBody): Promise<Category> {
  await requireConfigure(tx, ctx);
  const tenantId = ctx.actor.tenantId;
  const categories = new CategoryRepository(tx);
  const errors: ErrorDetail[] = [];
  const parent = input.parentId ? await categories.findCategory(tenantId, input.parentId) : undefined;
  if (input.parentId && !parent) errors.push({ field: 'parentId', reason: 'is not a category of this county' });
  errors.push(...(await departmentErrors(tx, tenantId, input.defaultLevel, input.defaultDepartmentId ?? null)));
  errors.push(...duplicateUrgencies(input.deadlines ?? []));
  if (errors.length > 0) throw AppError.invalid(errors);
  const name = input.name.trim();
  if (await categories.codeTaken(tenantId, input.code)) throw AppError.of(demandErrors.category_code_taken, undefined, { field: 'code' });
  if (await categories.siblingNameTaken(tenantId, input.parentId ?? null, name)) {
    throw AppError.of(demandErrors.category_name_taken, undefined, { field: 'name' });
  }
  const id = newId();
  await categories.insert({
    tenantId,
    id,
    parentId: parent?.id ?? null,
    code: input.code,
    name,
    path: parent ? `${parent.path}.${ltreeLabel(id)}` : ltreeLabel(id),
    defaultLevel: input.defaultLevel,
    defaultDepartmentId: input.defaultDepartmentId ?? null,
  });
  if (input.deadlines) await categories.replaceRules(tenantId, id, input.deadlines);
  await recordAudit(
    tx,
    auditEntry(ctx, 'demand.category.create', { type: 'demand_category', id }, { code: input.code, name, parentId: parent?.id ?? null }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'demand_category.created',
    aggregateType: 'demand_category',
    aggregateId: id,
    payload: { code: input.code },
  });
  const created = await categories.findOne(tenantId, id);
  if (!created) throw new Error('created category not readable');
  return created;
}

export async function departmentErrors(tx: Db, tenantId: string, level: string, departmentId: string | null): Promise<ErrorDetail[]> {
  if (departmentId) {
    const department = await new DepartmentRepository(tx).find(tenantId, departmentId);
    if (!department?.active) return [{ field: 'defaultDepartmentId', reason: 'is not an active department of this county' }];
  } else if (level === 'department') {
    return [{ field: 'defaultDepartmentId', reason: 'is required when the default level is department' }];
  }
  return [];
}

/** Each urgency has one rule for every type and at most one per demand type. */
export function duplicateUrgencies(rules: { urgency: string; type?: string | null }[]): ErrorDetail[] {
  const seen = new Set<string>();
  return rules.flatMap((r, i) => {
    const key = `${r.urgency}/${r.type ?? 'any'}`;
    if (seen.has(key)) return [{ field: `deadlines[${i}].urgency`, reason: r.type ? `appears twice for type ${r.type}` : 'appears twice' }];
    seen.add(key);
    return [];
  });
}
