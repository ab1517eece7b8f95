/**
 * The Dutch structured payment reference (betalingskenmerk) in its 16-digit form: a check digit
 * followed by 15 digits. The 15 digits are weighted from the right with 2, 4, 8, 5, 10, 9, 7,
 * 3, 6, 1 (the powers of 2 modulo 11), repeating; check = 11 − (sum mod 11), where 10 becomes 1
 * and 11 becomes 0.
 *
 * What the check catches (proved in the tests): every weight is a unit modulo 11 and a digit
 * changes by at most 9, so any one changed digit changes the sum modulo 11. The change goes
 * unnoticed only through the folding of 10 to 1: when the sum modulo 11 moves between 1 and 10
 * (weight × change ≡ 9 mod 11 from remainder 1, ≡ 2 from remainder 10), the check digit stays
 * 1. A changed check digit is always caught.
 */
export const BETALINGSKENMERK_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1] as const;

export type BetalingskenmerkProblem = 'format' | 'checksum';

export type BetalingskenmerkValidation =
  | { readonly valid: true; readonly reference: string }
  | { readonly valid: false; readonly problem: BetalingskenmerkProblem };

/** The weighted sum of the 15 digits after the check digit, as used by the check. */
export function betalingskenmerkWeightedSum(fifteenDigits: string): number {
  if (!/^\d{15}$/.test(fifteenDigits))
    throw new RangeError(`expected 15 digits, got ${JSON.stringify(fifteenDigits)}`);
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    sum += Number(fifteenDigits[14 - i]) * BETALINGSKENMERK_WEIGHTS[i % BETALINGSKENMERK_WEIGHTS.length]!;
  }
  return sum;
}

function betalingskenmerkCheckDigit(fifteenDigits: string): number {
  const check = 11 - (betalingskenmerkWeightedSum(fifteenDigits) % 11);
  return check === 11 ? 0 : check === 10 ? 1 : check;
}

/** Electronic form: digits only (spaces and the dots the Belastingdienst prints are removed). */
export function normaliseBetalingskenmerk(input: string): string {
  return input.replace(/[\s.]+/g, '');
}

/** A betalingskenmerk for a number of up to 15 digits, padded with zeros on the left. */
export function createBetalingskenmerk(digits: string): string {
  const normalised = normaliseBetalingskenmerk(digits);
  if (!/^\d{1,15}$/.test(normalised)) {
    throw new RangeError(`a betalingskenmerk is made from 1 to 15 digits, got ${JSON.stringify(digits)}`);
  }
  const fifteen = normalised.padStart(15, '0');
  return `${betalingskenmerkCheckDigit(fifteen)}${fifteen}`;
}

export function validateBetalingskenmerk(input: string): BetalingskenmerkValidation {
  const reference = normaliseBetalingskenmerk(input);
  if (!/^\d{16}$/.test(reference)) return { valid: false, problem: 'format' };
  if (Number(reference[0]) !== betalingskenmerkCheckDigit(reference.slice(1))) {
    return { valid: false, problem: 'checksum' };
  }
  return { valid: true, reference };
}

export function isValidBetalingskenmerk(input: string): boolean {
  return validateBetalingskenmerk(input).valid;
}

/** Paper form: groups of four, e.g. "5010 0021 6701 0010". */
export function formatBetalingskenmerk(input: string): string {
  return normaliseBetalingskenmerk(input).replace(/(.{4})(?=.)/g, '$1 ');
}
