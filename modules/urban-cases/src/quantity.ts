import { AppError } from '@linli/core';
import { urbanCasesErrors } from './errors.ts';
import { type CaseKind, caseUnits, kindLabels } from './vocabulary.ts';

/** A quantity in the kind's unit: whole numbers for spaces, chargers and items; two decimals at most for m² and tonnes. */
export function checkQuantity(kind: CaseKind, quantity: number | undefined, field = 'quantity'): number | null {
  if (quantity === undefined) return null;
  if (!Number.isFinite(quantity) || quantity <= 0) throw AppError.invalid([{ field, reason: 'is more than 0' }]);
  if (!caseUnits[kind].decimals && !Number.isInteger(quantity))
    throw AppError.of(urbanCasesErrors.whole_number, { kind: kindLabels[kind] }, [{ field, reason: 'is a whole number for this kind' }]);
  if (Math.round(quantity * 100) !== Math.round(quantity * 100 * 1e6) / 1e6)
    throw AppError.invalid([{ field, reason: 'has at most two decimals' }]);
  return quantity;
}
