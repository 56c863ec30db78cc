import { type Actor, AppError, type ErrorDetail, missingReferences, scopePaths } from '@linli/core';
import type { Tx } from '@linli/db';
import { DepartmentRepository } from '@linli/departments';
import { placeReference, territory } from '@linli/territory';
import { CategoryRepository } from './category.repository.ts';
import type { DemandChange } from './demand.repository.ts';
import type { HandlingLevel } from './state-machine.ts';

export interface HandlingUnit {
  level: HandlingLevel;
  kind: 'node' | 'department';
  id: string;
  name: string;
  /** Scope path of the unit: the node's path, or the county root for a department. */
  path: string;
}

export interface UnitChoice {
  level?: HandlingLevel;
  nodeId?: string;
  departmentId?: string;
}

/**
 * The unit a demand goes to at a level (小事小区办、大事社区办、难事街道办): by default the compound,
 * community or subdistrict that contains the demand's location, or the category's default
 * department; a dispatcher may name another node of that level containing the location, or any
 * active department. Bad choices are 400 with the field.
 */
export async function chooseHandlingUnit(
  tx: Tx,
  tenantId: string,
  demand: { nodePath: string; categoryId: string },
  choice: UnitChoice,
  defaultLevel: HandlingLevel,
): Promise<HandlingUnit> {
  const level = choice.level ?? defaultLevel;
  const fail = (detail: ErrorDetail): never => {
    throw AppError.invalid([detail]);
  };
  if (level === 'department') {
    if (choice.nodeId) fail({ field: 'nodeId', reason: 'is not used at the department level; give departmentId' });
    const departmentId =
      choice.departmentId ?? (await new CategoryRepository(tx).findCategory(tenantId, demand.categoryId))?.defaultDepartmentId;
    if (!departmentId)
      return fail({ field: 'departmentId', reason: 'is required at the department level (the category has no default department)' });
    const department = await new DepartmentRepository(tx).find(tenantId, departmentId);
    if (!department?.active) return fail({ field: 'departmentId', reason: 'is not an active department of this county' });
    return { level, kind: 'department', id: department.id, name: department.name, path: department.countyPath };
  }
  if (choice.departmentId) fail({ field: 'departmentId', reason: 'is only used at the department level' });
  if (choice.nodeId) {
    const node = await territory.node(tx, tenantId, choice.nodeId);
    if (!node) return fail({ field: 'nodeId', reason: 'is not a place in this county' });
    if (node.kind !== level) fail({ field: 'nodeId', reason: `is a ${node.kind}, not a ${level}` });
    if (!(demand.nodePath === node.path || demand.nodePath.startsWith(`${node.path}.`))) {
      fail({ field: 'nodeId', reason: `does not contain the demand's location` });
    }
    return { level, kind: 'node', id: node.id, name: node.name, path: node.path };
  }
  const node = await territory.ancestorOfKind(tx, tenantId, demand.nodePath, level);
  if (!node) return fail({ field: 'level', reason: `the demand's location is not inside a ${level}; choose a higher level` });
  return { level, kind: 'node', id: node.id, name: node.name, path: node.path };
}

/**
 * A dispatcher names a handling node inside their demand.dispatch scope, or one above it that
 * contains the demand's place (难事街道办). Any other node — another community's — answers exactly
 * like a node that does not exist.
 */
export async function refuseNodeOutOfReach(tx: Tx, actor: Actor, demand: { nodePath: string }, choice: UnitChoice): Promise<void> {
  const missing = await missingReferences(tx, actor, scopePaths(actor, 'demand.dispatch'), choice, {
    nodeId: { kind: placeReference, orAncestorOf: demand.nodePath },
  });
  if (missing.length > 0) throw AppError.invalid([{ field: 'nodeId', reason: 'is not a place in this county' }]);
}

/** The change that makes `unit` the handling unit. */
export function assignUnit(unit: HandlingUnit): Pick<DemandChange, 'level' | 'handling'> {
  return {
    level: unit.level,
    handling: { nodeId: unit.kind === 'node' ? unit.id : null, departmentId: unit.kind === 'department' ? unit.id : null, path: unit.path },
  };
}

export function unitData(unit: HandlingUnit) {
  return { level: unit.level, unit: { kind: unit.kind, id: unit.id, name: unit.name } };
}
