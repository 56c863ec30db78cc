import { type Actor, AppError, missingReferences, requireReferences } from '@linli/core';
import type { Tx } from '@linli/db';
import { residentReference } from '@linli/people';
import { territory } from '@linli/territory';
import { ownersCommitteesErrors } from '../errors.ts';

/**
 * The resident named by `field` is checked twice: in the caller's scope (else 404, exactly like an
 * unknown id), then living in a household of the compound (else 400 naming the compound).
 */
export async function requireResidentOfCompound(
  tx: Tx,
  actor: Actor,
  scope: string[],
  input: Record<string, unknown>,
  field: string,
  compound: { id: string; path: string },
): Promise<void> {
  await requireReferences(tx, actor, scope, input, { [field]: residentReference });
  const missing = await missingReferences(tx, actor, [compound.path], input, { [field]: residentReference });
  if (missing.length > 0) {
    const place = (await territory.node(tx, actor.tenantId, compound.id))?.name ?? compound.id;
    throw AppError.of(ownersCommitteesErrors.not_in_compound, { place }, [{ field, reason: 'does not live in the compound' }]);
  }
}

/** yyyy-mm-dd plus whole years (29 Feb → 28 Feb). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

/** A real calendar date (the schema checks only the shape). */
export function isRealDate(date: string): boolean {
  const t = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === date;
}

/** Today in China, yyyy-mm-dd. */
export const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
