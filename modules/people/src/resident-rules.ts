import { type ErrorDetail, isValidIdNumber, isValidPhone } from '@linli/core';

/** Field checks shared by create and update: every problem is reported, with its field. */
export function residentFieldErrors(input: {
  name?: string;
  phone?: string | null;
  idNumber?: string | null;
  birthDate?: string | null;
}): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (input.name !== undefined && input.name.trim() === '') errors.push({ field: 'name', reason: 'must not be empty' });
  if (input.phone && !isValidPhone(input.phone)) {
    errors.push({ field: 'phone', reason: 'is not a mainland mobile number or a landline with area code' });
  }
  if (input.idNumber && !isValidIdNumber(input.idNumber)) {
    errors.push({ field: 'idNumber', reason: 'is not a valid 18-digit resident identity number (check digit)' });
  }
  if (input.birthDate && input.birthDate > new Date().toISOString().slice(0, 10)) {
    errors.push({ field: 'birthDate', reason: 'lies in the future' });
  }
  return errors;
}

/** Birth date and gender encoded in a valid GB 11643 number (digits 7–14, and the parity of digit 17). */
export function factsFromIdNumber(idNumber: string): { birthDate: string; gender: 'male' | 'female' } {
  const v = idNumber.trim();
  return {
    birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`,
    gender: Number(v[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Tags in a stable form: trimmed, without duplicates, in the order given. */
export function normaliseTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}
