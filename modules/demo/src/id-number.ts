const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 check digit (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (weights[i] as number) * Number(first17[i]);
  return '10X98765432'[sum % 11] as string;
}

/**
 * A synthetic resident identity number: region, birth date, a 3-digit sequence whose parity gives
 * the gender (odd male, even female) and the check digit. Valid in form, issued to nobody we know of.
 */
export function syntheticIdNumber(region: string, birthDate: string, sequence: number, gender: 'male' | 'female'): string {
  const seq = sequence * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(seq % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}
