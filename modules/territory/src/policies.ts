import { type Ability, type Actor, AppError, can, platformErrors, scopePaths } from '@linli/core';
import type { Db } from '@linli/db';
import { type NodeKind, nodeKinds, parentKindOf } from './contract.ts';
import { territoryNouns } from './errors.ts';
import { findNode, type NodeRow } from './territory.repository.ts';

/**
 * A node the actor may act on with `ability`. A node the actor cannot even read — another tenant's,
 * a sibling subtree's — is 404, so ids outside the caller's territory reveal nothing; a node they
 * can read but not change is 403.
 */
export async function nodeForAbility(
  db: Db,
  actor: Actor,
  id: string,
  ability: Ability,
  options: { lock?: boolean } = {},
): Promise<NodeRow> {
  const node = await findNode(db, actor.tenantId, id, scopePaths(actor, 'territory.read'), options);
  if (!node) throw AppError.notFound(territoryNouns.node, id);
  if (!can(actor, ability, node.path)) throw AppError.of(platformErrors.permission_required_at, { ability, place: node.name });
  return node;
}

/** The tree's one structural rule: a node hangs under the kind just above its own. */
export function checkParentKind(kind: NodeKind, parentKind: NodeKind, field = 'parentId'): void {
  const expected = parentKindOf(kind);
  if (expected !== parentKind) {
    throw AppError.invalid([
      {
        field,
        reason: expected ? `a ${kind} must be placed under a ${expected}, not under a ${parentKind}` : `a ${kind} has no parent`,
      },
    ]);
  }
}

export function isNodeKind(value: string): value is NodeKind {
  return (nodeKinds as readonly string[]).includes(value);
}
