import { type Actor, AppError, requireReferences } from '@linli/core';
import type { Tx } from '@linli/db';
import { placeReference, territory } from '@linli/territory';
import { ownersCommitteesErrors } from '../errors.ts';

/**
 * The household named by `field`: in the caller's scope (else 404, exactly like an unknown id), then
 * a household of the meeting's compound (else 400 naming both). Returns its name.
 */
export async function requireHouseholdOfCompound(
  tx: Tx,
  actor: Actor,
  scope: string[],
  input: Record<string, unknown>,
  field: string,
  compound: { id: string; path: string; name: string },
): Promise<{ id: string; name: string }> {
  await requireReferences(tx, actor, scope, input, { [field]: placeReference });
  const id = input[field] as string;
  const node = await territory.node(tx, actor.tenantId, id);
  if (node?.kind !== 'household' || !node.path.startsWith(`${compound.path}.`))
    throw AppError.of(ownersCommitteesErrors.not_household_of_compound, { household: node?.name ?? id, place: compound.name }, [
      { field, reason: 'is not a household of the compound' },
    ]);
  const names = await territory.pathNodes(tx, actor.tenantId, node.path);
  // 1号楼1单元101: the household's name alone repeats in every building.
  const name = names
    .filter((n) => n.kind === 'building' || n.kind === 'entrance' || n.kind === 'household')
    .map((n) => n.name)
    .join('');
  return { id, name };
}
