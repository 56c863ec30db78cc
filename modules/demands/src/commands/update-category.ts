import { AppError, auditEntry, emitEvents, type RequestContext, recordAudit } from '@linli/core';
import type { Db } from '@linli/db';
import { CategoryRepository } from '../category.repository.ts';
import { requireConfigure } from '../configure.ts';
import type { Category, UpdateCategoryBody } from '../contract.ts';
import { demandErrors, demandNouns } from '../errors.ts';
import { departmentErrors, duplicateUrgencies } from './create-category.ts';

/**
 * Changes a category's name, default level or department, retires it (active = false: no new
 * demands, existing ones keep it) or brings it back, or replaces its own deadline rules. Demands
 * already submitted keep the deadlines they were given. With `version` (the one the caller read), a
 * category saved by someone else since is refused: 409 with the current version, nothing written.
 */
export async function updateCategory(tx: Db, ctx: RequestContext, id: string, input: UpdateCategoryBody): Promise<Category> {
  await requireConfigure(tx, ctx);
  const tenantId = ctx.actor.tenantId;
  const categories = new CategoryRepository(tx);
  const { version, ...changes } = input;
  if (Object.values(changes).every((v) => v === undefined)) {
    throw AppError.invalid([{ field: 'version', reason: 'comes with at least one change' }]);
  }
  const current = await categories.findOne(tenantId, id);
  if (!current) throw AppError.notFound(demandNouns.category, id);
  if (version !== undefined && version !== current.version) throw stale(current.version);
  const level = input.defaultLevel ?? current.defaultLevel;
  const departmentId = input.defaultDepartmentId === undefined ? current.defaultDepartmentId : input.defaultDepartmentId;
  const errors = [...(await departmentErrors(tx, tenantId, level, departmentId)), ...duplicateUrgencies(input.deadlines ?? [])];
  if (errors.length > 0) throw AppError.invalid(errors);
  const name = input.name?.trim();
  if (name && (await categories.siblingNameTaken(tenantId, current.parentId, name, id))) {
    throw AppError.of(demandErrors.category_name_taken, undefined, { field: 'name' });
  }
  // The versioned write comes first: a concurrent save waits for its row lock, then finds the version moved.
  const written = await categories.update(
    tenantId,
    id,
    {
      name,
      defaultLevel: input.defaultLevel,
      defaultDepartmentId: input.defaultDepartmentId,
      active: input.active,
      isPublic: input.isPublic,
    },
    version,
  );
  if (!written) {
    const now = await categories.findCategory(tenantId, id);
    if (!now) throw AppError.notFound(demandNouns.category, id);
    throw stale(now.version);
  }
  if (input.deadlines) await categories.replaceRules(tenantId, id, input.deadlines);
  const fields = Object.keys(changes).filter((k) => changes[k as keyof typeof changes] !== undefined);
  await recordAudit(
    tx,
    auditEntry(ctx, 'demand.category.update', { type: 'demand_category', id }, { fields, ...changes, previousVersion: current.version }),
  );
  await emitEvents(tx, {
    tenantId,
    type: 'demand_category.updated',
    aggregateType: 'demand_category',
    aggregateId: id,
    payload: { fields },
  });
  const updated = await categories.findOne(tenantId, id);
  if (!updated) throw new Error('updated category not readable');
  return updated;
}

function stale(version: number): AppError {
  return AppError.of(demandErrors.category_changed, undefined, { version });
}
